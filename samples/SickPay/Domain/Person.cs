using System.Globalization;
using CaseCompliance;

namespace SickPay.Domain;

/// <summary>A person insured in Sweden (försäkrad) who applies for sick pay.</summary>
public sealed record Person
{
    [PersonalData(DataCategories.Identity)]
    public required string Personnummer { get; init; }

    [PersonalData(DataCategories.Identity)]
    public required string FirstName { get; init; }

    [PersonalData(DataCategories.Identity)]
    public required string LastName { get; init; }

    [PersonalData(DataCategories.Contact)]
    public required Address Address { get; init; }

    /// <summary>Sjukpenninggrundande inkomst (SGI): the yearly income sick pay is computed from, in kronor.</summary>
    [PersonalData(DataCategories.Financial)]
    public required decimal AnnualIncome { get; init; }

    /// <summary>The name as it is written in letters. Person reads its own members, which needs no purpose.</summary>
    [PersonalData(DataCategories.Identity)]
    public string FullName => $"{FirstName} {LastName}";

    /// <summary>The date of birth, from the first eight digits of the personnummer. Age is a ground of discrimination.</summary>
    [ProtectedCharacteristic(Grounds.Age)]
    public DateOnly DateOfBirth => DateOnly.ParseExact(Personnummer[..8], "yyyyMMdd", CultureInfo.InvariantCulture);
}

/// <summary>A postal address (folkbokföringsadress).</summary>
public sealed record Address(string Street, string PostalCode, string City, string Municipality);
