namespace CaseCompliance.Analyzers.Tests.Rules;

/// <summary>The payment and decision model the CASE020–CASE030 tests share.</summary>
internal static class PaymentModel
{
    public const string Source = """
        global using System;
        global using System.Collections.Generic;
        global using System.Threading.Tasks;
        global using CaseCompliance;

        public record Officer(string Id);
        public enum PaymentState { Prepared, Attested, Paid }

        public class Payment
        {
            public decimal Amount { get; set; }
            [PreparedBy] public string PreparedBy { get; set; } = "";
            [AttestationStatus] public bool IsAttested { get; set; }
            [AttestationStatus] public PaymentState State { get; set; }
            public string? AttestedBy { get; set; }
        }

        public record SickPayCase(string Diarienummer, string Personnummer);
        public record Decision(string Outcome);

        public interface IPayments
        {
            [Attestation] void Attest(Payment payment, [Attester] string attester);
            [Attestation] void AttestPrepared([PreparedBy] string preparedBy, [Attester] string attester);
            [Disbursement] void Disburse(Payment payment);
            [Disbursement] Task DisburseAsync(Payment payment);
            [SecondPartyCheck] bool AreDistinct(string attester, string preparedBy);
            [SecondPartyCheck] void EnsureDistinct(string attester, string preparedBy);
        }

        public interface IJav
        {
            [ConflictOfInterestCheck] bool IsImpartial(Officer officer, SickPayCase @case);
            [ConflictOfInterestCheck] bool HasConflict(Officer officer, SickPayCase @case);
            [ConflictOfInterestCheck] void EnsureImpartial(Officer officer, SickPayCase @case);
            [ConflictOfInterestCheck] Task<bool> IsImpartialAsync(Officer officer, SickPayCase @case);
            [CaseDecision] Decision Decide(SickPayCase @case, Officer officer);
        }

        """;
}
