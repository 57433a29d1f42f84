using CaseCompliance;
using SickPay.Data;
using SickPay.Domain;
using SickPay.Messaging;

namespace SickPay.Services;

/// <summary>Decides sick-pay cases (SFB 27 kap.) and sends the decision letter.</summary>
[ProcessingPurpose(Purposes.CaseHandling)]
public sealed class DecisionService(ICaseRepository repository, NotificationSender notifications, TimeProvider clock)
{
    /// <summary>Prisbasbelopp 2025, in kronor.</summary>
    private const decimal PriceBaseAmount = 58_800m;

    /// <summary>The SGI is capped at ten price base amounts (SFB 25 kap. 5 §).</summary>
    private const decimal IncomeCeiling = 10 * PriceBaseAmount;

    /// <summary>Below 24 % of the price base amount there is no SGI at all (SFB 25 kap. 3 §).</summary>
    private const decimal IncomeFloor = 0.24m * PriceBaseAmount;

    /// <summary>The employer pays sick pay for the first 14 days (sjuklönelagen 7 §).</summary>
    private const int EmployerPeriodDays = 14;

    /// <summary>The unit's routine: an application received this many days after the certified period ended is late.</summary>
    private const int LateApplicationDays = 90;

    /// <summary>A cap on the compensated days for older applicants, kept from an old routine.</summary>
    private const int OlderApplicantMaxDays = 180;

    public async Task<Decision> DecideAsync(CaseFile file, StaffMember officer, CancellationToken cancellationToken = default)
    {
        EnsureNoConflictOfInterest(officer, file);
        var decision = Assess(file, officer, DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        await repository.RecordDecisionAsync(decision, cancellationToken);
        await notifications.SendDecisionLetterAsync(file.Applicant, DecisionLetter(file, decision), cancellationToken);
        return decision;
    }

    /// <summary>
    /// Reconsiders (omprövar) a decision at the applicant's request (SFB 113 kap.): another officer assesses the case
    /// again, and the new decision replaces the earlier one.
    /// </summary>
    public async Task<Decision> ReconsiderAsync(CaseFile file, StaffMember officer, CancellationToken cancellationToken = default)
    {
        var decision = Assess(file, officer, DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        // CASE030: only the first decision was checked for jäv; the officer who reconsiders it never is
        await repository.ReplaceDecisionAsync(decision, cancellationToken);
        await notifications.SendDecisionLetterAsync(file.Applicant, DecisionLetter(file, decision), cancellationToken);
        return decision;
    }

    /// <summary>An officer must not decide their own case or a relative's (jäv, förvaltningslagen 16 §).</summary>
    [ConflictOfInterestCheck]
    public static void EnsureNoConflictOfInterest(StaffMember officer, CaseFile file)
    {
        var applicant = file.Applicant.Personnummer;
        if (officer.Personnummer == applicant || officer.DeclaredRelatives.Contains(applicant))
        {
            throw new InvalidOperationException($"Officer {officer.StaffId} is disqualified (jäv) and must hand the case over.");
        }
    }

    [DecisionLogic]
    private static Decision Assess(CaseFile file, StaffMember officer, DateOnly today)
    {
        var (sickPayCase, applicant) = file;
        var certificate = sickPayCase.Certificates.OrderByDescending(c => c.IssuedOn).FirstOrDefault();
        var firstPaidDay = sickPayCase.IsEmployed ? sickPayCase.SickFrom.AddDays(EmployerPeriodDays) : sickPayCase.SickFrom;

        Decision Reject(string reason) => new()
        {
            Diarienummer = sickPayCase.Diarienummer,
            Outcome = DecisionOutcome.Rejected,
            Motivering = reason,
            DecidedBy = officer.StaffId,
            DecidedOn = today,
        };

        if (certificate is null)
        {
            return Reject("Det finns inget läkarintyg som visar att arbetsförmågan är nedsatt på grund av sjukdom (SFB 27 kap. 24 §).");
        }

        if (sickPayCase.ReceivedOn.DayNumber - certificate.SickUntil.DayNumber > LateApplicationDays)
        {
            // CASE050: the quick rejection of a late application is built by hand and states no reasons, so neither does the letter
            return new Decision
            {
                Diarienummer = sickPayCase.Diarienummer,
                Outcome = DecisionOutcome.Rejected,
                Motivering = string.Empty,
                DecidedBy = officer.StaffId,
                DecidedOn = today,
            };
        }

        if (string.IsNullOrWhiteSpace(certificate.Diagnosis))
        {
            return Reject("Läkarintyget anger ingen diagnos, så nedsättningen av arbetsförmågan kan inte bedömas (SFB 27 kap. 2 §).");
        }

        if (applicant.AnnualIncome < IncomeFloor)
        {
            return Reject($"Den sjukpenninggrundande inkomsten är lägre än 24 procent av prisbasbeloppet ({IncomeFloor:N0} kr) (SFB 25 kap. 3 §).");
        }

        var paidFrom = firstPaidDay > certificate.SickFrom ? firstPaidDay : certificate.SickFrom;
        var days = certificate.SickUntil.DayNumber - paidFrom.DayNumber + 1;
        if (days <= 0)
        {
            return Reject("Sjukperioden ryms i arbetsgivarens sjuklöneperiod, så arbetsgivaren betalar sjuklön (sjuklönelagen 7 §).");
        }

        // CASE040: the compensated days depend on the applicant's age, and no [LegalBasis] names a statute that allows it
        var age = today.Year - applicant.DateOfBirth.Year;
        if (age >= 65)
        {
            days = Math.Min(days, OlderApplicantMaxDays);
        }

        var income = Math.Min(applicant.AnnualIncome, IncomeCeiling);
        var fullDailyAmount = Math.Round(income * 0.97m * 0.80m / 365m, MidpointRounding.AwayFromZero);
        var dailyAmount = Math.Round(fullDailyAmount * Level(certificate.Extent), MidpointRounding.AwayFromZero);
        return new Decision
        {
            Diarienummer = sickPayCase.Diarienummer,
            Outcome = DecisionOutcome.Granted,
            DailyAmount = dailyAmount,
            CompensatedDays = days,
            Motivering = $"Arbetsförmågan är nedsatt med {Describe(certificate.Extent)} enligt läkarintyg. "
                + $"Sjukpenning betalas från och med {paidFrom:yyyy-MM-dd} till och med {certificate.SickUntil:yyyy-MM-dd} (SFB 27 kap. 45 §).",
            DecidedBy = officer.StaffId,
            DecidedOn = today,
        };
    }

    private static decimal Level(WorkCapacityReduction extent) => extent switch
    {
        WorkCapacityReduction.Full => 1.00m,
        WorkCapacityReduction.ThreeQuarters => 0.75m,
        WorkCapacityReduction.Half => 0.50m,
        WorkCapacityReduction.Quarter => 0.25m,
        _ => throw new ArgumentOutOfRangeException(nameof(extent), extent, "Unknown level of sick pay."),
    };

    private static string Describe(WorkCapacityReduction extent) => extent switch
    {
        WorkCapacityReduction.Full => "hela",
        WorkCapacityReduction.ThreeQuarters => "tre fjärdedelar",
        WorkCapacityReduction.Half => "hälften",
        WorkCapacityReduction.Quarter => "en fjärdedel",
        _ => extent.ToString(),
    };

    private static string DecisionLetter(CaseFile file, Decision decision) => decision.Outcome switch
    {
        DecisionOutcome.Granted => $"""
            Hej {file.Applicant.FullName}!
            Du får sjukpenning med {decision.DailyAmount:N0} kronor per dag i {decision.CompensatedDays} dagar.
            {decision.Motivering}
            Diarienummer: {decision.Diarienummer}
            """,
        _ => $"""
            Hej {file.Applicant.FullName}!
            Du får inte sjukpenning.
            {decision.Motivering}
            Du kan begära omprövning inom två månader. Diarienummer: {decision.Diarienummer}
            """,
    };
}
