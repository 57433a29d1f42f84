namespace Vendor.Crm;

/// <summary>A customer (a citizen) in the vendor's customer register.</summary>
public sealed class Customer
{
    public required string CustomerNumber { get; init; }

    public required string Personnummer { get; init; }

    public required string FirstName { get; init; }

    public required string LastName { get; init; }

    public string Email { get; init; } = "";

    public string Phone { get; init; } = "";

    public string Address { get; init; } = "";

    public DateTime Created { get; init; }
}

/// <summary>The customer register.</summary>
public sealed class CustomerRegister
{
    private readonly List<Customer> customers = [];

    public void Add(Customer customer) => customers.Add(customer);

    public Customer? Get(string customerNumber) => customers.FirstOrDefault(c => c.CustomerNumber == customerNumber);

    public IReadOnlyList<Customer> All() => customers;
}
