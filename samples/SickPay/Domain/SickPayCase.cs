using CaseCompliance;

namespace SickPay.Domain;

/// <summary>An application for sick pay (ärende om sjukpenning).</summary>
public sealed record SickPayCase
{
    /// <summary>The case number in the agency's register, e.g. "FK 2025/004711".</summary>
    [PersonalData(DataCategories.CaseRecord)]
    public required string Diarienummer { get; init; }

    [PersonalData(DataCategories.Identity)]
    public required string ApplicantPersonnummer { get; init; }

    public required DateOnly ReceivedOn { get; init; }

    /// <summary>The first day of sickness (första sjukdagen).</summary>
    public required DateOnly SickFrom { get; init; }

    /// <summary>Employees get sick pay from the employer for days 1-14 (sjuklöneperioden); the agency pays from day 15.</summary>
    public bool IsEmployed { get; init; } = true;

    public CaseStatus Status { get; init; } = CaseStatus.Open;

    public IReadOnlyList<MedicalCertificate> Certificates { get; init; } = [];

    /// <summary>The last day covered by a medical certificate.</summary>
    public DateOnly CertificateValidUntil => Certificates.Count == 0 ? SickFrom : Certificates.Max(c => c.SickUntil);
}

public enum CaseStatus
{
    Open,
    Decided,
}

/// <summary>A medical certificate (läkarintyg för sjukpenning).</summary>
public sealed record MedicalCertificate
{
    public required DateOnly IssuedOn { get; init; }

    public required DateOnly SickFrom { get; init; }

    public required DateOnly SickUntil { get; init; }

    public required WorkCapacityReduction Extent { get; init; }

    /// <summary>The diagnosis as an ICD-10 code, e.g. "F43.2". Health data may be used to handle the case and nothing else.</summary>
    [PersonalData(DataCategories.Health, Purposes = new[] { Purposes.CaseHandling })]
    public required string Diagnosis { get; init; }
}

/// <summary>How much the ability to work is reduced: the four levels of sick pay (SFB 27 kap. 45 §).</summary>
public enum WorkCapacityReduction
{
    Full,
    ThreeQuarters,
    Half,
    Quarter,
}

/// <summary>A case and the person it is about, as the case officer sees them.</summary>
public sealed record CaseFile(SickPayCase Case, Person Applicant);
