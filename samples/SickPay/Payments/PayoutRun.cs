using CaseCompliance;
using Microsoft.Extensions.Logging;
using SickPay.Domain;

namespace SickPay.Payments;

/// <summary>The bank's payment service.</summary>
public interface IPaymentGateway
{
    /// <summary>Sends the payment to the payee's account.</summary>
    [Disbursement]
    Task PayOutAsync(Payment payment, CancellationToken cancellationToken = default);
}

/// <summary>Keeps payments in a list instead of sending them to a bank (for the demo). No payment ever bounces.</summary>
public sealed class FakeBankGateway : IPaymentGateway
{
    private readonly List<Payment> sent = [];

    public int SentCount
    {
        get
        {
            lock (sent)
            {
                return sent.Count;
            }
        }
    }

    /// <summary>The payments the bank could not deliver (a closed account, say), for the payout run to send again.</summary>
    public IReadOnlyList<Payment> Returned { get; } = [];

    public Task PayOutAsync(Payment payment, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (sent)
        {
            sent.Add(payment);
        }

        return Task.CompletedTask;
    }
}

/// <summary>The nightly payout run (utbetalningskörning). Only payments a second officer has attested are paid out.</summary>
[ProcessingPurpose(Purposes.CaseHandling)]
public sealed class PayoutRun(PaymentService payments, IPaymentGateway bank, TimeProvider clock, ILogger<PayoutRun> logger)
{
    /// <summary>Pays out every attested payment that has not been paid yet, and returns how many.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var paid = 0;
        foreach (var payment in payments.NotYetPaid())
        {
            if (!payment.IsAttested)
            {
                continue; // waits in the attestation queue
            }

            await bank.PayOutAsync(payment, cancellationToken);
            payment.RecordPayout(today);
            logger.LogInformation("Paid out {Amount} kr to {Payee}", payment.Amount, PersonnummerFormat.Mask(payment.PayeePersonnummer));
            paid++;
        }

        return paid;
    }

    /// <summary>Sends again the payments the bank returned, once their accounts are corrected, and returns how many.</summary>
    public async Task<int> RetryReturnedAsync(IEnumerable<Payment> returned, CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var paid = 0;
        foreach (var payment in returned)
        {
            // CASE022: whatever is on the bank's list of returns is paid out again, attested or not
            await bank.PayOutAsync(payment, cancellationToken);
            payment.RecordPayout(today);
            // CASE060: the log line names the payee by the whole personnummer, where the nightly run masks it
            logger.LogInformation("Paid out {Amount} kr again to {Payee} after a return", payment.Amount, payment.PayeePersonnummer);
            paid++;
        }

        return paid;
    }
}
