using Microsoft.Extensions.Logging.Abstractions;
using SickPay.Data;
using SickPay.Domain;
using SickPay.Messaging;
using SickPay.Payments;
using SickPay.Reporting;
using SickPay.Review;
using SickPay.Services;
using SickPay.Staff;

// The day's work of a sick-pay unit: decide the open cases, pay out the granted ones, answer a phone call, run the reports.
// Only counts are printed: personal data does not belong in a console.
var clock = TimeProvider.System;
var repository = new InMemoryCaseRepository(SampleData.People(), SampleData.Cases());
var audit = new AuditLog(clock);
var outbox = new OutboxPostalService();
var officer = SampleData.Officer;

var files = await repository.OpenCaseFilesAsync();
var reminders = ReminderScheduler.ApplicantsToRemind(files.Select(f => f.Case), new DateOnly(2025, 4, 1));

var decisionService = new DecisionService(repository, new NotificationSender(outbox), clock);
var decisions = new List<Decision>();
foreach (var file in files)
{
    decisions.Add(await decisionService.DecideAsync(file, officer));
}

// The officer who decided prepares the payments; a second officer attests them; the nightly run pays them out.
var payments = new PaymentService();
foreach (var (file, decision) in files.Zip(decisions))
{
    if (decision.Outcome == DecisionOutcome.Granted)
    {
        payments.Prepare(file, decision);
    }
}

var attested = new AttestationScreen(payments, SampleData.SecondOfficer).AttestQueue();
var bank = new FakeBankGateway();
var payoutRun = new PayoutRun(payments, bank, clock, NullLogger<PayoutRun>.Instance); // the demo keeps no log
var paidOut = await payoutRun.RunAsync();
paidOut += await payoutRun.RetryReturnedAsync(bank.Returned);

var screen = new StaffSearchScreen(repository, audit, officer);
var hit = await screen.SearchByPersonnummerAsync("191212121212", "Den försäkrade ringde och frågade om sitt ärende");

// Proposals to reject for work capacity go to two specialists from different business areas.
var review = new RejectionReview();
var proposals = files.Zip(decisions).Where(p => p.Second.Outcome == DecisionOutcome.Rejected).Select(p => new RejectionProposal(p.First.Case, officer.StaffId)).ToList();
var reviewed = new ReviewQueue(review, [new("SP0101", "Försäkringsmedicin"), new("SP0202", "Sjukpenning")]).ReviewAll(proposals);

var statistics = new StatisticsExport().Build(files, decisions);
var municipalities = MunicipalityReport.CasesPerMunicipality(files);

Console.WriteLine($"{statistics.Cases} cases decided: {statistics.Granted} granted, {statistics.Rejected} rejected; average {statistics.AverageDailyAmount:N0} kr per day.");
Console.WriteLine($"{reviewed} rejection(s) reviewed by two specialists.");
Console.WriteLine($"{attested} payments attested by a second officer, {paidOut} paid out ({bank.SentCount} sent to the bank).");
Console.WriteLine($"{outbox.SentCount} decision letters in the outbox, {reminders.Count} certificate reminders due, {municipalities.Count} municipalities in the report.");
Console.WriteLine(hit is null ? "The search found no one." : $"The search found a person with {hit.OpenCases.Count} open cases; {audit.Count} lookup(s) audited.");
