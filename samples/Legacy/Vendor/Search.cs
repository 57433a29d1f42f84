using Vendor.Crm;

namespace Vendor.Search;

/// <summary>Finds customers for the support desk.</summary>
public sealed class PersonFinder(CustomerRegister register)
{
    public Customer? FindByPersonnummer(string personnummer) => register.All().FirstOrDefault(c => c.Personnummer == personnummer);

    public IReadOnlyList<Customer> FindByName(string lastName) => register.All().Where(c => c.LastName == lastName).ToList();
}
