using Vendor.Audit;
using Vendor.Crm;
using Vendor.Search;

namespace Support.Desk;

/// <summary>The support desk looks up the citizen who calls, by personnummer.</summary>
public sealed class CallerLookup(PersonFinder finder, AuditWriter audit, string staffId)
{
    public Customer? Lookup(string personnummer, string reason)
    {
        audit.WriteAccess(staffId, personnummer, reason);
        return finder.FindByPersonnummer(personnummer);
    }

    /// <summary>The call-back list shows the caller's name before the call: it looks them up too.</summary>
    public string? CallBackName(string personnummer)
    {
        // CASE010: this lookup is not recorded in the access log
        var customer = finder.FindByPersonnummer(personnummer);
        return customer is null ? null : customer.FirstName + " " + customer.LastName;
    }
}
