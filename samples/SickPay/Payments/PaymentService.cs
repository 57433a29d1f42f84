using System.Collections.Concurrent;
using CaseCompliance;
using SickPay.Domain;

namespace SickPay.Payments;

/// <summary>The payment ledger (utbetalningsreskontra): prepares the payments of granted decisions and records their attestation.</summary>
[ProcessingPurpose(Purposes.CaseHandling)]
public sealed class PaymentService
{
    private readonly ConcurrentDictionary<string, Payment> payments = new(StringComparer.Ordinal);

    /// <summary>Prepares the payment of a granted decision, in the name of the officer who decided it.</summary>
    public Payment Prepare(CaseFile file, Decision decision)
    {
        if (decision.Outcome != DecisionOutcome.Granted)
        {
            throw new ArgumentException("Only a granted decision is paid out.", nameof(decision));
        }

        var payment = new Payment
        {
            Diarienummer = decision.Diarienummer,
            PayeePersonnummer = file.Applicant.Personnummer,
            Amount = decision.DailyAmount * decision.CompensatedDays,
            PreparedBy = decision.DecidedBy,
        };
        if (!payments.TryAdd(payment.Diarienummer, payment))
        {
            throw new InvalidOperationException("The decision already has a payment.");
        }

        return payment;
    }

    /// <summary>The prepared payments that no one has attested yet: the attesting officers' queue.</summary>
    public IReadOnlyList<Payment> AwaitingAttestation() =>
        payments.Values.Where(p => !p.IsAttested).OrderBy(p => p.Diarienummer, StringComparer.Ordinal).ToList();

    /// <summary>The payments that have not been paid out yet, attested or not.</summary>
    public IReadOnlyList<Payment> NotYetPaid() =>
        payments.Values.Where(p => p.PaidOn is null).OrderBy(p => p.Diarienummer, StringComparer.Ordinal).ToList();

    /// <summary>Records that <paramref name="attesterId"/> attested the payment, so the payout run may pay it.</summary>
    [Attestation]
    // CASE021: records the attestation without comparing the attester with the officer who prepared the payment
    public void Attest(Payment payment, [Attester] string attesterId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(attesterId);
        payment.RecordAttestation(attesterId);
    }
}
