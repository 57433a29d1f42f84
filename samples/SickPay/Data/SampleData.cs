using SickPay.Domain;

namespace SickPay.Data;

/// <summary>Fictitious people and cases for the demo. The personnummer are made up (test numbers), not real people's.</summary>
public static class SampleData
{
    public static StaffMember Officer { get; } = new("HL4711", "Handläggare Lind", "19700101-0011", ["19720202-0009"]);

    /// <summary>A second officer, who attests the payments the first one prepares.</summary>
    public static StaffMember SecondOfficer { get; } = new("HL4812", "Handläggare Berg", "19750606-0018", []);

    public static IReadOnlyList<Person> People() =>
    [
        new()
        {
            Personnummer = "19121212-1212",
            FirstName = "Tolvan",
            LastName = "Tolvansson",
            Address = new("Storgatan 12", "123 45", "Östersund", "Östersund"),
            AnnualIncome = 412_000m,
        },
        new()
        {
            Personnummer = "19800315-0003",
            FirstName = "Maria",
            LastName = "Exempelsson",
            Address = new("Ringvägen 3", "118 60", "Stockholm", "Stockholm"),
            AnnualIncome = 655_000m,
        },
        new()
        {
            Personnummer = "19920704-0008",
            FirstName = "Ali",
            LastName = "Testsson",
            Address = new("Hamngatan 7", "411 14", "Göteborg", "Göteborg"),
            AnnualIncome = 9_000m,
        },
        new()
        {
            Personnummer = "19871121-0008",
            FirstName = "Sara",
            LastName = "Provdocka",
            Address = new("Kyrkvägen 1", "831 30", "Östersund", "Östersund"),
            AnnualIncome = 318_500m,
        },
    ];

    public static IReadOnlyList<SickPayCase> Cases() =>
    [
        new()
        {
            Diarienummer = "FK 2025/004711",
            ApplicantPersonnummer = "19121212-1212",
            ReceivedOn = new(2025, 3, 20),
            SickFrom = new(2025, 3, 3),
            Certificates =
            [
                new() { IssuedOn = new(2025, 3, 10), SickFrom = new(2025, 3, 3), SickUntil = new(2025, 4, 13), Extent = WorkCapacityReduction.Full, Diagnosis = "M54.5" },
            ],
        },
        new()
        {
            Diarienummer = "FK 2025/004712",
            ApplicantPersonnummer = "19800315-0003",
            ReceivedOn = new(2025, 3, 21),
            SickFrom = new(2025, 2, 24),
            Certificates =
            [
                new() { IssuedOn = new(2025, 3, 3), SickFrom = new(2025, 2, 24), SickUntil = new(2025, 5, 4), Extent = WorkCapacityReduction.Half, Diagnosis = "F43.2" },
            ],
        },
        new()
        {
            Diarienummer = "FK 2025/004713",
            ApplicantPersonnummer = "19920704-0008",
            ReceivedOn = new(2025, 3, 24),
            SickFrom = new(2025, 3, 10),
            IsEmployed = false,
            Certificates =
            [
                new() { IssuedOn = new(2025, 3, 17), SickFrom = new(2025, 3, 10), SickUntil = new(2025, 4, 6), Extent = WorkCapacityReduction.Full, Diagnosis = "S82.6" },
            ],
        },
        new()
        {
            Diarienummer = "FK 2025/004714",
            ApplicantPersonnummer = "19871121-0008",
            ReceivedOn = new(2025, 3, 25),
            SickFrom = new(2025, 3, 12),
        },
    ];
}
