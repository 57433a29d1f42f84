using System.Text.RegularExpressions;
using CaseCompliance.EndToEnd.Tests.Infrastructure;

namespace CaseCompliance.EndToEnd.Tests;

/// <summary>
/// The deliberate violations in samples/SickPay, as samples/SickPay/README.md documents them. A build of the sample
/// must report exactly these; when the sample changes, change this list and the README together.
/// </summary>
internal static partial class SampleFindings
{
    public static readonly IReadOnlyList<Finding> Expected =
    [
        new("CASE001", "Messaging/NotificationSender.cs", 15),
        new("CASE001", "Messaging/ReminderScheduler.cs", 12),
        new("CASE002", "Reporting/StatisticsExport.cs", 32),
        new("CASE003", "Reporting/MunicipalityReport.cs", 10),
        new("CASE010", "Staff/StaffSearchScreen.cs", 33),
        new("CASE020", "Payments/AttestationScreen.cs", 22),
        new("CASE021", "Payments/PaymentService.cs", 47),
        new("CASE022", "Payments/PayoutRun.cs", 79),
        new("CASE030", "Services/DecisionService.cs", 47),
        new("CASE040", "Services/DecisionService.cs", 115),
        new("CASE050", "Services/DecisionService.cs", 87),
        new("CASE060", "Payments/PayoutRun.cs", 82),
        new("CASE100", "Review/RejectionReview.cs", 61),
    ];

    /// <summary>
    /// The deliberate violations in samples/Legacy/Support, as samples/Legacy/README.md documents them: every one comes
    /// from the samples' rules file alone (the project has no annotation).
    /// </summary>
    public static readonly IReadOnlyList<Finding> LegacyExpected =
    [
        new("CASE001", "Reports/WeeklyReport.cs", 12),
        new("CASE002", "Marketing/Newsletter.cs", 14),
        new("CASE010", "Desk/CallerLookup.cs", 20),
        new("CASE060", "Desk/TicketLog.cs", 17),
        new("CASE101", "Export/CaseFileHandover.cs", 26),
    ];

    /// <summary>Diagnostics that mean the analyzers did not load or crashed, whatever the sample contains.</summary>
    public static readonly IReadOnlyList<string> AnalyzerFailureIds = ["AD0001", "CS8032", "CS8033", "CS8034", "CS9057"];

    /// <summary>Every diagnostic ID printed as "warning ID:" or "error ID:", with or without a source location.</summary>
    public static IReadOnlyList<string> AllIds(CommandResult result) =>
        AnyDiagnostic().Matches(result.Output).Select(m => m.Groups["id"].Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>The table rows "| CASE001 | `File.cs` | 15 | ..." of samples/SickPay/README.md.</summary>
    public static IReadOnlyList<Finding> Documented(string readme) =>
        ReadmeRow().Matches(readme)
            .Select(m => new Finding(m.Groups["id"].Value, m.Groups["file"].Value, int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();

    public static string Show(IEnumerable<object> items) => string.Join(Environment.NewLine, items.Select(i => "  " + i));

    [GeneratedRegex(@"\b(?:warning|error)\s+(?<id>[A-Za-z]+\d+)\s*:")]
    private static partial Regex AnyDiagnostic();

    [GeneratedRegex(@"^\|\s*(?<id>CASE\d{3})\s*\|\s*`(?<file>[^`]+)`\s*\|\s*(?<line>\d+)\s*\|", RegexOptions.Multiline)]
    private static partial Regex ReadmeRow();
}
