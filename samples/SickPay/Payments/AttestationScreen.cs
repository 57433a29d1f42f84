using CaseCompliance;
using SickPay.Domain;

namespace SickPay.Payments;

/// <summary>The attesting officer's queue. A payment must be attested by someone other than the officer who prepared it.</summary>
[ProcessingPurpose(Purposes.CaseHandling)]
public sealed class AttestationScreen(PaymentService payments, StaffMember currentUser)
{
    /// <summary>Below this amount, in kronor, a correction was thought too small to wait for a second officer.</summary>
    private const decimal SmallCorrectionLimit = 100m;

    /// <summary>Attests the payments in the queue that the current officer did not prepare, and returns how many.</summary>
    public int AttestQueue()
    {
        var attested = 0;
        foreach (var payment in payments.AwaitingAttestation())
        {
            if (payment.Amount < SmallCorrectionLimit)
            {
                // CASE020: a small correction is attested in the name of the officer who prepared it
                payments.Attest(payment, payment.PreparedBy);
                attested++;
                continue;
            }

            if (string.Equals(payment.PreparedBy, currentUser.StaffId, StringComparison.Ordinal))
            {
                continue; // another officer attests what this one prepared
            }

            payments.Attest(payment, currentUser.StaffId);
            attested++;
        }

        return attested;
    }
}
