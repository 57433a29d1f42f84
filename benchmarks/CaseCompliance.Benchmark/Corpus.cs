using System.Text;

namespace CaseCompliance.Benchmark;

/// <summary>
/// A generated case-handling code base: every file has annotated data, services that read it with and without
/// purposes, staff lookups with branches and audits, a payment flow, decision logic and logging — and as much
/// plain code again, as real projects have.
/// </summary>
internal static class Corpus
{
    public static IEnumerable<(string Path, string Text)> Files(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return ($"Module{i}.cs", Module(i));
        }
    }

    private static string Module(int i)
    {
        var b = new StringBuilder();
        b.Append($$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using CaseCompliance;
            using Microsoft.Extensions.Logging;

            namespace Agency.Module{{i}};

            public record Person{{i}}(string Name, [PersonalData(DataCategories.Identity)] string Personnummer)
            {
                [PersonalData(DataCategories.Health, Purposes = new[] { Purposes.CaseHandling })] public string Diagnosis { get; init; } = "";
                [ProtectedCharacteristic(Grounds.Age)] public int Age { get; init; }
                public string CaseId { get; init; } = "";
                public int SickDays { get; init; }
            }

            public class Payment{{i}}
            {
                public decimal Amount { get; set; }
                [PreparedBy] public string PreparedBy { get; set; } = "";
                [AttestationStatus] public bool IsAttested { get; set; }
            }

            [DecisionRecord]
            public record Decision{{i}}(string Outcome, [property: Reasoning] string Reasoning);

            public interface IRegistry{{i}}
            {
                [PersonLookup] Task<Person{{i}}?> FindAsync([Subject] string personnummer);
                [PersonLookup] Person{{i}}? Find([Subject] string personnummer);
            }

            public interface IAudit{{i}} { [LookupAudit] void Record(string staff, [Subject] string personnummer, string reason); }

            public interface IPayments{{i}}
            {
                [Attestation] void Attest(Payment{{i}} payment, [Attester] string attester);
                [Disbursement] void Disburse(Payment{{i}} payment);
                [ConflictOfInterestCheck] bool IsImpartial(string officer, string personnummer);
                [CaseDecision] Decision{{i}} Decide(string caseId);
            }

            [ProcessingPurpose(Purposes.CaseHandling)]
            public class CaseService{{i}}
            {
                private readonly IRegistry{{i}} registry;
                private readonly IAudit{{i}} audit;
                private readonly IPayments{{i}} payments;
                private readonly ILogger logger;

                public CaseService{{i}}(IRegistry{{i}} registry, IAudit{{i}} audit, IPayments{{i}} payments, ILogger logger)
                {
                    this.registry = registry;
                    this.audit = audit;
                    this.payments = payments;
                    this.logger = logger;
                }

                public async Task<string> Show(string staff, string personnummer, bool quick)
                {
                    if (quick)
                    {
                        var p = registry.Find(personnummer);
                        audit.Record(staff, personnummer, "quick view");
                        return p?.Name ?? "";
                    }

                    audit.Record(staff, personnummer, "case");
                    var person = await registry.FindAsync(personnummer);
                    if (person is null) return "unknown";
                    logger.LogInformation("Showed case {CaseId}", person.CaseId);
                    return person.Name + " " + person.Diagnosis.Length;
                }

                public void Pay(Payment{{i}} payment, string attester)
                {
                    if (payment.PreparedBy == attester) throw new InvalidOperationException("two people");
                    payments.Attest(payment, attester);
                    if (payment.IsAttested) payments.Disburse(payment);
                }

                public Decision{{i}} Decide(string officer, Person{{i}} person)
                {
                    if (!payments.IsImpartial(officer, person.Personnummer)) throw new InvalidOperationException("jäv");
                    var decision = payments.Decide(person.CaseId);
                    return new Decision{{i}}(decision.Outcome, "Arbetsförmågan är nedsatt med minst en fjärdedel eftersom ...");
                }
            }

            [DecisionLogic]
            public class Rules{{i}}
            {
                public decimal Rate(Person{{i}} p, IEnumerable<Person{{i}}> others)
                {
                    var rate = p.SickDays > 14 ? 0.8m : 0.75m;
                    foreach (var other in others.Where(o => o.SickDays > p.SickDays).Take(3)) rate -= 0.01m;
                    return rate;
                }
            }

            public static class Plain{{i}}
            {
                // Seeded findings, so that the rules report as well as search: CASE001 and CASE060.
                public static string Leak(Person{{i}} p, ILogger logger)
                {
                    logger.LogInformation("Person {Pnr}", p.Personnummer);
                    return p.CaseId;
                }

            """);
        for (var m = 0; m < 12; m++)
        {
            b.Append($$"""
                    public static int Compute{{m}}(int[] values, string text)
                    {
                        var total = 0;
                        for (var k = 0; k < values.Length; k++)
                        {
                            if (values[k] % {{m + 2}} == 0) total += values[k];
                            else if (text.Length > k) total -= text[k];
                        }

                        var words = text.Split(' ').Where(w => w.Length > {{m % 5}}).Select(w => w.ToUpperInvariant()).ToList();
                        return total + words.Count + (text.Contains("x", StringComparison.Ordinal) ? 1 : 0);
                    }

                """);
        }

        b.AppendLine("}");
        return b.ToString();
    }
}
