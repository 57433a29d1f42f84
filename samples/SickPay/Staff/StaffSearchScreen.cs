using CaseCompliance;
using SickPay.Data;
using SickPay.Domain;

namespace SickPay.Staff;

/// <summary>What the search screen shows about a person: the personnummer masked, and their open cases.</summary>
public sealed record PersonSearchResult(
    [property: PersonalData(DataCategories.Identity)] string Name,
    string MaskedPersonnummer,
    string Municipality,
    IReadOnlyList<string> OpenCases);

/// <summary>The case officers' person search. Every lookup must be recorded in the audit log (loggkontroll).</summary>
[ProcessingPurpose(Purposes.CaseHandling)]
public sealed class StaffSearchScreen(ICaseRepository repository, AuditLog audit, StaffMember currentUser)
{
    /// <summary>
    /// Looks a person up by personnummer; <paramref name="reason"/> is why the officer needs to see them.
    /// <paramref name="quickView"/> is the hover card of the work queue: name and municipality, no cases.
    /// </summary>
    public async Task<PersonSearchResult?> SearchByPersonnummerAsync(string input, string reason, bool quickView = false, CancellationToken cancellationToken = default)
    {
        if (!PersonnummerFormat.TryNormalize(input, out var personnummer))
        {
            return null;
        }

        if (quickView)
        {
            // The officer only hovers over a case in their own queue, so this path was thought to need no record.
            // CASE010: it still looks the person up, and returns before the lookup is recorded in the audit log.
            var summary = await repository.FindPersonAsync(personnummer, cancellationToken);
            return summary is null
                ? null
                : new PersonSearchResult(summary.FullName, PersonnummerFormat.Mask(summary.Personnummer), summary.Address.Municipality, []);
        }

        await audit.RecordLookupAsync(currentUser.StaffId, personnummer, reason, cancellationToken);
        var person = await repository.FindPersonAsync(personnummer, cancellationToken);
        if (person is null)
        {
            return null;
        }

        var cases = await repository.CasesForAsync(personnummer, cancellationToken);
        return new PersonSearchResult(
            person.FullName,
            PersonnummerFormat.Mask(person.Personnummer),
            person.Address.Municipality,
            cases.Where(c => c.Status == CaseStatus.Open).Select(c => c.Diarienummer).ToList());
    }
}
