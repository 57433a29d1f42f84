using System.Collections.Concurrent;
using CaseCompliance;
using SickPay.Domain;

namespace SickPay.Data;

/// <summary>An in-memory case register, standing in for the agency's case database.</summary>
[ProcessingPurpose(Purposes.CaseHandling)]
public sealed class InMemoryCaseRepository : ICaseRepository
{
    private readonly ConcurrentDictionary<string, Person> people;
    private readonly ConcurrentDictionary<string, SickPayCase> cases;
    private readonly ConcurrentDictionary<string, Decision> decisions = new(StringComparer.Ordinal);

    public InMemoryCaseRepository(IEnumerable<Person> people, IEnumerable<SickPayCase> cases)
    {
        this.people = new(people.Select(p => KeyValuePair.Create(p.Personnummer, p)), StringComparer.Ordinal);
        this.cases = new(cases.Select(c => KeyValuePair.Create(c.Diarienummer, c)), StringComparer.Ordinal);
    }

    public Task<Person?> FindPersonAsync(string personnummer, CancellationToken cancellationToken = default)
        => Task.FromResult(people.GetValueOrDefault(personnummer));

    public Task<IReadOnlyList<SickPayCase>> CasesForAsync(string personnummer, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<SickPayCase> found = cases.Values
            .Where(c => c.ApplicantPersonnummer == personnummer)
            .OrderByDescending(c => c.ReceivedOn)
            .ToList();
        return Task.FromResult(found);
    }

    public async Task<IReadOnlyList<CaseFile>> OpenCaseFilesAsync(CancellationToken cancellationToken = default)
    {
        await Task.Yield(); // a real register is a database round trip
        return cases.Values
            .Where(c => c.Status == CaseStatus.Open)
            .OrderBy(c => c.ReceivedOn)
            .ThenBy(c => c.Diarienummer, StringComparer.Ordinal)
            .Select(c => new CaseFile(c, people[c.ApplicantPersonnummer]))
            .ToList();
    }

    public Task RecordDecisionAsync(Decision decision, CancellationToken cancellationToken = default)
    {
        if (!decisions.TryAdd(decision.Diarienummer, decision))
        {
            throw new InvalidOperationException("The case already has a decision.");
        }

        cases.AddOrUpdate(
            decision.Diarienummer,
            _ => throw new InvalidOperationException("Unknown case."),
            (_, existing) => existing with { Status = CaseStatus.Decided });
        return Task.CompletedTask;
    }

    public Task ReplaceDecisionAsync(Decision decision, CancellationToken cancellationToken = default)
    {
        if (!decisions.ContainsKey(decision.Diarienummer))
        {
            throw new InvalidOperationException("The case has no decision to reconsider.");
        }

        decisions[decision.Diarienummer] = decision;
        return Task.CompletedTask;
    }
}
