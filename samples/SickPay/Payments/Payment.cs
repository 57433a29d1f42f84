using CaseCompliance;

namespace SickPay.Payments;

/// <summary>
/// A sick-pay payment (utbetalning) for a granted decision. The officer who decided the case prepares it, another
/// officer attests it, and only then does the payout run send it to the bank (Etisk kod: ingen ensam kan attestera
/// utbetalningar).
/// </summary>
public sealed class Payment
{
    [PersonalData(DataCategories.CaseRecord)]
    public required string Diarienummer { get; init; }

    /// <summary>Who receives the money: the applicant.</summary>
    [PersonalData(DataCategories.Identity)]
    public required string PayeePersonnummer { get; init; }

    /// <summary>The amount in whole kronor: the daily amount times the compensated days.</summary>
    public required decimal Amount { get; init; }

    /// <summary>The staff id of the officer who decided the case and prepared the payment.</summary>
    [PreparedBy]
    public required string PreparedBy { get; init; }

    /// <summary>The staff id of the officer who attested the payment, once someone has.</summary>
    public string? AttestedBy { get; private set; }

    /// <summary>Whether a second officer has attested the payment. The payout run pays nothing else.</summary>
    [AttestationStatus]
    public bool IsAttested => AttestedBy is not null;

    /// <summary>The day the payment was sent to the bank, once it has been.</summary>
    public DateOnly? PaidOn { get; private set; }

    internal void RecordAttestation(string attesterId) => AttestedBy = attesterId;

    internal void RecordPayout(DateOnly day) => PaidOn = day;
}
