namespace Vendor.Audit;

/// <summary>The vendor's access log: who looked at whose records, and why.</summary>
public sealed class AuditWriter
{
    private readonly List<string> entries = [];

    public int Count => entries.Count;

    public void WriteAccess(string staffId, string personnummer, string reason) => entries.Add($"{staffId};{personnummer};{reason}");
}
