using Support.Desk;
using Support.Export;
using Support.Marketing;
using Support.Reports;
using Vendor.Audit;
using Vendor.Crm;
using Vendor.Export;
using Vendor.Logging;
using Vendor.Search;

// A morning at the support desk. Only counts are printed: personal data does not belong in a console.
var register = new CustomerRegister();
register.Add(new Customer { CustomerNumber = "K-1001", Personnummer = "19121212-1212", FirstName = "Tolvan", LastName = "Tolvansson", Email = "tolvan@example.se", Created = new DateTime(2025, 3, 3) });
register.Add(new Customer { CustomerNumber = "K-1002", Personnummer = "19800315-0003", FirstName = "Maria", LastName = "Exempelsson", Created = new DateTime(2024, 1, 9) });

var audit = new AuditWriter();
var log = new LogWrapper();
var desk = new CallerLookup(new PersonFinder(register), audit, "SUP-7");
var caller = desk.Lookup("19121212-1212", "The customer called about a letter");
if (caller is not null)
{
    new TicketLog(log).Opened(caller, "letter");
}

var callBack = desk.CallBackName("19800315-0003");
var handover = new CaseFileHandover(new CaseFileExporter(), new RecipientPolicy());
var sent = handover.HandoverAll([new CaseFile { CaseNumber = "FK 2025/1", Personnummer = "19121212-1212" }], "Skatteverket");

Console.WriteLine($"{audit.Count} lookup(s) recorded, {log.Count} log line(s), call-back list {(callBack is null ? "empty" : "ready")}.");
Console.WriteLine($"{WeeklyReport.NewCustomers(register, new DateTime(2025, 1, 1)).Count} new customer(s), {Newsletter.Recipients(register).Count} newsletter recipient(s), {sent} case file(s) handed over.");
