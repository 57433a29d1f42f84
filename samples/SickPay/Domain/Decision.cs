using CaseCompliance;

namespace SickPay.Domain;

public enum DecisionOutcome
{
    Granted,
    Rejected,
}

/// <summary>The decision (beslut) that is sent to the applicant. It always states its reasons (FL 32 §).</summary>
[DecisionRecord]
public sealed record Decision
{
    [PersonalData(DataCategories.CaseRecord)]
    public required string Diarienummer { get; init; }

    public required DecisionOutcome Outcome { get; init; }

    /// <summary>Sick pay per day, in whole kronor.</summary>
    public decimal DailyAmount { get; init; }

    public int CompensatedDays { get; init; }

    /// <summary>The statement of reasons (motivering).</summary>
    [Reasoning]
    public required string Motivering { get; init; }

    public required string DecidedBy { get; init; }

    public required DateOnly DecidedOn { get; init; }
}

/// <summary>A case officer (handläggare).</summary>
/// <param name="StaffId">The officer's user id.</param>
/// <param name="DisplayName">The name shown in the case system.</param>
/// <param name="Personnummer">The officer's own personnummer, for the conflict-of-interest check.</param>
/// <param name="DeclaredRelatives">Personnummer of close relatives the officer has declared (jävsanmälan).</param>
public sealed record StaffMember(
    string StaffId,
    string DisplayName,
    [property: PersonalData(DataCategories.Identity)] string Personnummer,
    [property: PersonalData(DataCategories.Family)] IReadOnlyCollection<string> DeclaredRelatives);
