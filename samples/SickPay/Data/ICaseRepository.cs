using CaseCompliance;
using SickPay.Domain;

namespace SickPay.Data;

/// <summary>The case register. Looking up a person is a staff lookup and must be recorded in the audit log.</summary>
public interface ICaseRepository
{
    /// <summary>Finds a person by personnummer.</summary>
    [PersonLookup]
    Task<Person?> FindPersonAsync([Subject] string personnummer, CancellationToken cancellationToken = default);

    /// <summary>The cases a person has, open and decided.</summary>
    [PersonLookup]
    Task<IReadOnlyList<SickPayCase>> CasesForAsync([Subject] string personnummer, CancellationToken cancellationToken = default);

    /// <summary>The open cases with their applicants: the officers' work queue.</summary>
    Task<IReadOnlyList<CaseFile>> OpenCaseFilesAsync(CancellationToken cancellationToken = default);

    /// <summary>Registers a decision and closes its case.</summary>
    [CaseDecision]
    Task RecordDecisionAsync(Decision decision, CancellationToken cancellationToken = default);

    /// <summary>Registers a reconsidered decision (omprövningsbeslut) in place of the case's earlier one.</summary>
    [CaseDecision]
    Task ReplaceDecisionAsync(Decision decision, CancellationToken cancellationToken = default);
}
