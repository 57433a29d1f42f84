using CaseCompliance;
using SickPay.Domain;

namespace SickPay.Reporting;

/// <summary>Open cases per municipality, for the regional planning report.</summary>
public static class MunicipalityReport
{
    // CASE003: "statistcs" is a typo of Purposes.Statistics, so the purpose is unknown
    [ProcessingPurpose("statistcs")]
    public static IReadOnlyDictionary<string, int> CasesPerMunicipality(IEnumerable<CaseFile> files) =>
        files
            .GroupBy(f => f.Applicant.Address.Municipality, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
