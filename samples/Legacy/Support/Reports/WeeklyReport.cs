using Vendor.Crm;

namespace Support.Reports;

/// <summary>The weekly report of the support desk. Nobody declared what it processes personal data for.</summary>
public static class WeeklyReport
{
    public static IReadOnlyList<string> NewCustomers(CustomerRegister register, DateTime since) =>
        register.All()
            .Where(c => c.Created >= since)
            // CASE001: the report reads e-mail addresses with no processing purpose declared for it
            .Select(c => c.CustomerNumber + " " + c.Email)
            .ToList();
}
