using CaseCompliance;
using SickPay.Domain;

namespace SickPay.Reporting;

/// <summary>Aggregated figures for the official statistics. Groups smaller than a few cases are left out (röjandekontroll).</summary>
public sealed record SickPayStatistics(
    int Cases,
    int Granted,
    int Rejected,
    decimal AverageDailyAmount,
    IReadOnlyDictionary<string, int> CasesByLevel,
    IReadOnlyDictionary<string, int> CasesByIncomeBand,
    IReadOnlyDictionary<string, int> CasesByDiagnosisChapter);

/// <summary>Builds the sick-pay statistics from decided cases.</summary>
[ProcessingPurpose(Purposes.Statistics)]
public sealed class StatisticsExport(int minimumGroupSize = 2)
{
    public SickPayStatistics Build(IReadOnlyCollection<CaseFile> files, IReadOnlyCollection<Decision> decisions)
    {
        var certificates = files.SelectMany(f => f.Case.Certificates).ToList();
        var granted = decisions.Where(d => d.Outcome == DecisionOutcome.Granted).ToList();
        return new SickPayStatistics(
            Cases: files.Count,
            Granted: granted.Count,
            Rejected: decisions.Count(d => d.Outcome == DecisionOutcome.Rejected),
            AverageDailyAmount: granted.Count == 0 ? 0m : Math.Round(granted.Average(d => d.DailyAmount)),
            CasesByLevel: CountLargeGroups(certificates.Select(c => c.Extent.ToString())),
            CasesByIncomeBand: CountLargeGroups(files.Select(f => IncomeBand(f.Applicant.AnnualIncome))),
            // CASE002: the diagnosis may be processed for case handling only, not for statistics
            CasesByDiagnosisChapter: CountLargeGroups(certificates.Select(c => c.Diagnosis[..1])));
    }

    private static string IncomeBand(decimal annualIncome) => annualIncome switch
    {
        < 250_000m => "under 250 000 kr",
        < 400_000m => "250 000-399 999 kr",
        < 588_000m => "400 000-587 999 kr",
        _ => "at or above the ceiling (588 000 kr)",
    };

    private IReadOnlyDictionary<string, int> CountLargeGroups(IEnumerable<string> keys) =>
        keys.GroupBy(k => k, StringComparer.Ordinal)
            .Where(g => g.Count() >= minimumGroupSize)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
