using Vendor.Crm;
using Vendor.Logging;

namespace Support.Desk;

/// <summary>Support tickets, written to the vendor's log for the operations team.</summary>
public sealed class TicketLog(LogWrapper log)
{
    public void Opened(Customer caller, string subject)
    {
        log.Info($"Ticket opened for customer {caller.CustomerNumber}: {subject}");
    }

    public void Bounced(Customer caller)
    {
        // CASE060: the e-mail address goes into the operations log in clear text
        log.Error("Reply bounced: " + caller.Email);
    }
}
