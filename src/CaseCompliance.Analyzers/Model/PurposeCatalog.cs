using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace CaseCompliance.Analyzers.Model
{
    /// <summary>The purposes code may declare: the well-known ones and, later, those the rules file declares.</summary>
    public sealed class PurposeCatalog
    {
        /// <summary>The agency's published purposes (UPP-ANDAMAL), by constant name in <c>CaseCompliance.Purposes</c>.</summary>
        public static readonly ImmutableArray<(string Name, string Value)> WellKnown = ImmutableArray.Create(
            ("CaseHandling", "case-handling"),
            ("FraudPrevention", "fraud-prevention"),
            ("Information", "information"),
            ("PlanningAndEvaluation", "planning-and-evaluation"),
            ("Statistics", "statistics"),
            ("Disclosure", "disclosure"));

        public static readonly PurposeCatalog Default = new PurposeCatalog(ImmutableArray<string>.Empty);

        private readonly HashSet<string> known;

        public PurposeCatalog(ImmutableArray<string> custom)
        {
            known = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (_, value) in WellKnown)
            {
                known.Add(value);
            }

            Custom = custom;
            foreach (var value in custom)
            {
                known.Add(value);
            }
        }

        /// <summary>Purposes declared in the rules file.</summary>
        public ImmutableArray<string> Custom { get; }

        public bool IsKnown(string purpose) => known.Contains(purpose);

        /// <summary>The constant name in <c>CaseCompliance.Purposes</c> of a well-known purpose, or null.</summary>
        public static string? ConstantName(string purpose)
        {
            foreach (var (name, value) in WellKnown)
            {
                if (value == purpose)
                {
                    return name;
                }
            }

            return null;
        }

        /// <summary>The known purpose closest to <paramref name="typo"/> (edit distance, ignoring case), or null when none is close.</summary>
        public string? Closest(string typo)
        {
            string? best = null;
            var bestDistance = int.MaxValue;
            foreach (var candidate in Ordered())
            {
                var d = EditDistance(typo.ToLowerInvariant(), candidate);
                if (d < bestDistance)
                {
                    best = candidate;
                    bestDistance = d;
                }
            }

            return best is not null && bestDistance <= Math.Max(2, best.Length / 3) ? best : null;
        }

        /// <summary>The known purposes, well-known first, each once.</summary>
        public IEnumerable<string> Ordered()
        {
            foreach (var (_, value) in WellKnown)
            {
                yield return value;
            }

            foreach (var value in Custom)
            {
                if (ConstantName(value) is null)
                {
                    yield return value;
                }
            }
        }

        internal static int EditDistance(string a, string b)
        {
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (var j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }

            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                }

                (previous, current) = (current, previous);
            }

            return previous[b.Length];
        }
    }
}
