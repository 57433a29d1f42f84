using Vendor.Crm;

namespace Support.Marketing;

/// <summary>The newsletter about the insurance (information): addresses may be used, personnummer may not.</summary>
public static class Newsletter
{
    public static IReadOnlyList<string> Recipients(CustomerRegister register) =>
        register.All().Where(c => c.Email.Length > 0).Select(c => c.Email).ToList();

    public static IReadOnlyList<string> DeduplicatedRecipients(CustomerRegister register) =>
        register.All()
            // CASE002: personnummer may only be processed for case handling and user support
            .GroupBy(c => c.Personnummer)
            .Select(g => g.First().Email)
            .ToList();
}
