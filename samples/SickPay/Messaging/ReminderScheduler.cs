using SickPay.Domain;

namespace SickPay.Messaging;

/// <summary>Picks the applicants whose medical certificate runs out within a week, for the nightly reminder job.</summary>
public static class ReminderScheduler
{
    public static IReadOnlyList<string> ApplicantsToRemind(IEnumerable<SickPayCase> cases, DateOnly today) =>
        cases
            .Where(c => c.Status == CaseStatus.Open && c.CertificateValidUntil <= today.AddDays(7))
            // CASE001: the helper lambda reads the applicant's personnummer with no declared purpose in scope
            .Select(c => c.ApplicantPersonnummer)
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
