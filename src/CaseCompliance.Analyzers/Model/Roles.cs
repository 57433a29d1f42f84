using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;

namespace CaseCompliance.Analyzers.Model
{
    /// <summary>
    /// The names of the roles the package knows before any rules file is read: those of the annotations (SPEC §2)
    /// and those of well-known libraries (logging, console, exception messages, Microsoft.Extensions.Compliance).
    /// Only the policy model and the definitions of the built-in rules name them; the engine takes roles as parameters.
    /// </summary>
    public static class BuiltInRoles
    {
        public const string PersonLookup = "person-lookup";
        public const string LookupAudit = "lookup-audit";
        public const string Subject = "subject";
        public const string Attestation = "attestation";
        public const string Attester = "attester";
        public const string PreparedBy = "prepared-by";
        public const string SecondPartyCheck = "second-party-check";
        public const string Disbursement = "disbursement";
        public const string AttestationStatus = "attestation-status";
        public const string CaseDecision = "case-decision";
        public const string ConflictOfInterestCheck = "conflict-of-interest-check";
        public const string DecisionLogic = "decision-logic";
        public const string DecisionRecord = "decision-record";
        public const string Reasoning = "reasoning";
        public const string Redactor = "redactor";
        public const string DisclosureSink = "disclosure-sink";

        /// <summary>Parameters of Microsoft.Extensions.Logging calls (ILogger, LoggerExtensions, [LoggerMessage]) that a log line carries.</summary>
        public const string Log = "log";

        /// <summary>System.Console output, also through Console.Out and Console.Error.</summary>
        public const string Console = "console";

        /// <summary>System.Diagnostics.Debug and Trace output.</summary>
        public const string DebugOutput = "debug-output";

        /// <summary>The message parameter of an exception's constructor.</summary>
        public const string ExceptionMessage = "exception-message";

        /// <summary>Methods of a Microsoft.Extensions.Compliance.Redaction.Redactor.</summary>
        public const string ComplianceRedactor = "compliance-redactor";

        /// <summary>Every built-in role with what it means, in a fixed order (their ordinals in every <see cref="RoleCatalog"/>).</summary>
        public static readonly ImmutableArray<(string Name, string Description)> All = ImmutableArray.Create(
            (PersonLookup, "a call retrieves a person's records on behalf of a staff member ([PersonLookup])"),
            (LookupAudit, "a call records a staff lookup in the audit trail ([LookupAudit])"),
            (Subject, "identifies the person a call is about ([Subject])"),
            (Attestation, "a call attests (approves) a payment ([Attestation])"),
            (Attester, "who attests ([Attester])"),
            (PreparedBy, "who prepared or decided the payment ([PreparedBy])"),
            (SecondPartyCheck, "verifies that two distinct people took part ([SecondPartyCheck])"),
            (Disbursement, "a call pays money out ([Disbursement])"),
            (AttestationStatus, "tells whether a payment has been attested by a second party ([AttestationStatus])"),
            (CaseDecision, "a call decides a case ([CaseDecision])"),
            (ConflictOfInterestCheck, "verifies the officer is not the subject or related to them ([ConflictOfInterestCheck])"),
            (DecisionLogic, "code that decides entitlement, amounts or outcomes ([DecisionLogic])"),
            (DecisionRecord, "a decision communicated to the individual ([DecisionRecord])"),
            (Reasoning, "the statement of reasons of a decision record ([Reasoning])"),
            (Redactor, "returns a redacted form of its argument ([Redactor])"),
            (DisclosureSink, "data passed here leaves the case system ([DisclosureSink])"),
            (Log, "what a Microsoft.Extensions.Logging call writes to the log"),
            (Console, "System.Console output"),
            (DebugOutput, "System.Diagnostics.Debug and Trace output"),
            (ExceptionMessage, "the message of an exception"),
            (ComplianceRedactor, "a Microsoft.Extensions.Compliance redactor"));
    }

    /// <summary>
    /// A set of roles of one <see cref="RoleCatalog"/>, as a bit set of any length: rules and meanings use as many
    /// roles as they declare, with no fixed limit. Immutable; the empty set allocates nothing.
    /// </summary>
    public readonly struct RoleSet : IEquatable<RoleSet>
    {
        private readonly ulong[]? bits;

        private RoleSet(ulong[]? bits) => this.bits = bits;

        public static RoleSet Empty => default;

        public bool IsEmpty
        {
            get
            {
                if (bits is null)
                {
                    return true;
                }

                foreach (var word in bits)
                {
                    if (word != 0)
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        public static RoleSet Of(int ordinal)
        {
            var words = new ulong[(ordinal >> 6) + 1];
            words[ordinal >> 6] = 1UL << (ordinal & 63);
            return new RoleSet(words);
        }

        public bool Contains(int ordinal)
            => bits is not null && (ordinal >> 6) < bits.Length && (bits[ordinal >> 6] & (1UL << (ordinal & 63))) != 0;

        /// <summary>True when the two sets share a role.</summary>
        public bool Overlaps(RoleSet other)
        {
            if (bits is null || other.bits is null)
            {
                return false;
            }

            var n = Math.Min(bits.Length, other.bits.Length);
            for (var i = 0; i < n; i++)
            {
                if ((bits[i] & other.bits[i]) != 0)
                {
                    return true;
                }
            }

            return false;
        }

        public RoleSet Union(RoleSet other)
        {
            if (other.bits is null)
            {
                return this;
            }

            if (bits is null)
            {
                return other;
            }

            var words = new ulong[Math.Max(bits.Length, other.bits.Length)];
            for (var i = 0; i < words.Length; i++)
            {
                words[i] = (i < bits.Length ? bits[i] : 0) | (i < other.bits.Length ? other.bits[i] : 0);
            }

            return new RoleSet(words);
        }

        public RoleSet With(int ordinal) => Union(Of(ordinal));

        /// <summary>The ordinals in the set, ascending.</summary>
        public IEnumerable<int> Ordinals()
        {
            if (bits is null)
            {
                yield break;
            }

            for (var i = 0; i < bits.Length; i++)
            {
                for (var b = 0; b < 64; b++)
                {
                    if ((bits[i] & (1UL << b)) != 0)
                    {
                        yield return (i << 6) + b;
                    }
                }
            }
        }

        public bool Equals(RoleSet other)
        {
            var a = bits ?? Array.Empty<ulong>();
            var b = other.bits ?? Array.Empty<ulong>();
            for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
            {
                if ((i < a.Length ? a[i] : 0) != (i < b.Length ? b[i] : 0))
                {
                    return false;
                }
            }

            return true;
        }

        public override bool Equals(object? obj) => obj is RoleSet other && Equals(other);

        public override int GetHashCode()
        {
            ulong hash = 0;
            if (bits is not null)
            {
                foreach (var word in bits)
                {
                    hash = (hash * 31) ^ word;
                }
            }

            return hash.GetHashCode();
        }
    }

    /// <summary>
    /// The role names of one policy model: the built-in ones first (with fixed ordinals), then those a rules file
    /// declares, in the order the files declare them. A role is only a name with a description.
    /// </summary>
    public sealed class RoleCatalog
    {
        /// <summary>The catalog of a model without a rules file.</summary>
        public static readonly RoleCatalog BuiltIn = new RoleCatalog(ImmutableArray<(string, string)>.Empty);

        private readonly Dictionary<string, int> ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        private readonly List<(string Name, string Description, bool Custom)> roles = new List<(string, string, bool)>();

        public RoleCatalog(ImmutableArray<(string Name, string Description)> custom)
        {
            foreach (var (name, description) in BuiltInRoles.All)
            {
                Add(name, description, false);
            }

            foreach (var (name, description) in custom)
            {
                if (!ordinals.ContainsKey(name))
                {
                    Add(name, description, true);
                }
            }
        }

        public int Count => roles.Count;

        public bool IsKnown(string name) => ordinals.ContainsKey(name);

        public bool IsBuiltIn(string name) => ordinals.TryGetValue(name, out var ordinal) && !roles[ordinal].Custom;

        public bool TryGetOrdinal(string name, out int ordinal) => ordinals.TryGetValue(name, out ordinal);

        public string Name(int ordinal) => roles[ordinal].Name;

        public string Description(int ordinal) => roles[ordinal].Description;

        /// <summary>The set of one role; empty when the name is unknown.</summary>
        public RoleSet Set(string name) => ordinals.TryGetValue(name, out var ordinal) ? RoleSet.Of(ordinal) : RoleSet.Empty;

        /// <summary>The set of the known roles among <paramref name="names"/>.</summary>
        public RoleSet Set(IEnumerable<string> names)
        {
            var set = RoleSet.Empty;
            foreach (var name in names)
            {
                if (ordinals.TryGetValue(name, out var ordinal))
                {
                    set = set.With(ordinal);
                }
            }

            return set;
        }

        /// <summary>The names in a set, in catalog order.</summary>
        public ImmutableArray<string> Names(RoleSet set)
        {
            var builder = ImmutableArray.CreateBuilder<string>();
            foreach (var ordinal in set.Ordinals())
            {
                if (ordinal < roles.Count)
                {
                    builder.Add(roles[ordinal].Name);
                }
            }

            return builder.ToImmutable();
        }

        /// <summary>The names joined by ';', for diagnostic properties.</summary>
        public string Join(RoleSet set)
        {
            var builder = new StringBuilder();
            foreach (var name in Names(set))
            {
                if (builder.Length > 0)
                {
                    builder.Append(';');
                }

                builder.Append(name);
            }

            return builder.ToString();
        }

        private void Add(string name, string description, bool custom)
        {
            ordinals.Add(name, roles.Count);
            roles.Add((name, description, custom));
        }
    }
}
