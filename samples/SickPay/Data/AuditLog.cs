using System.Collections.Concurrent;
using CaseCompliance;

namespace SickPay.Data;

/// <summary>One recorded lookup: who looked up whom, when and why (loggkontroll).</summary>
public sealed record AuditEntry(
    DateTimeOffset At,
    string StaffId,
    [property: PersonalData(DataCategories.Identity)] string Subject,
    string Reason);

/// <summary>The audit trail of staff lookups. Every lookup of a person must be recorded here.</summary>
public sealed class AuditLog(TimeProvider clock)
{
    private readonly ConcurrentQueue<AuditEntry> entries = new();

    public int Count => entries.Count;

    /// <summary>Records that <paramref name="staffId"/> looked up <paramref name="personnummer"/>.</summary>
    [LookupAudit]
    public Task RecordLookupAsync(string staffId, [Subject] string personnummer, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        cancellationToken.ThrowIfCancellationRequested();
        entries.Enqueue(new AuditEntry(clock.GetUtcNow(), staffId, personnummer, reason));
        return Task.CompletedTask;
    }
}
