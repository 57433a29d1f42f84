using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace CaseCompliance.Analyzers.Model
{
    /// <summary>
    /// A closed list of strings code may use — purposes (<c>CaseCompliance.Purposes</c>), grounds of discrimination
    /// (<c>CaseCompliance.Grounds</c>), data categories (<c>CaseCompliance.DataCategories</c>) — the well-known ones with
    /// their constant names, plus those the rules files declare.
    /// </summary>
    public sealed class NameCatalog
    {
        /// <summary>The agency's published purposes (UPP-ANDAMAL), by constant name in <c>CaseCompliance.Purposes</c>.</summary>
        public static readonly NameCatalog Purposes = new NameCatalog("Purposes", ImmutableArray.Create(
            ("CaseHandling", "case-handling"),
            ("FraudPrevention", "fraud-prevention"),
            ("Information", "information"),
            ("PlanningAndEvaluation", "planning-and-evaluation"),
            ("Statistics", "statistics"),
            ("Disclosure", "disclosure")), ImmutableArray<string>.Empty);

        /// <summary>The seven grounds of Diskrimineringslagen (2008:567), by constant name in <c>CaseCompliance.Grounds</c>.</summary>
        public static readonly NameCatalog Grounds = new NameCatalog("Grounds", ImmutableArray.Create(
            ("Sex", "sex"),
            ("GenderIdentity", "gender-identity"),
            ("Ethnicity", "ethnicity"),
            ("Religion", "religion"),
            ("Disability", "disability"),
            ("SexualOrientation", "sexual-orientation"),
            ("Age", "age")), ImmutableArray<string>.Empty);

        /// <summary>The well-known data categories, by constant name in <c>CaseCompliance.DataCategories</c>.</summary>
        public static readonly NameCatalog Categories = new NameCatalog("DataCategories", ImmutableArray.Create(
            ("Identity", "identity"),
            ("Contact", "contact"),
            ("Health", "health"),
            ("Financial", "financial"),
            ("Family", "family"),
            ("CaseRecord", "case-record"),
            ("ProtectedIdentity", "protected-identity")), ImmutableArray<string>.Empty);

        private readonly HashSet<string> known = new HashSet<string>(StringComparer.Ordinal);

        public NameCatalog(string constantsClass, ImmutableArray<(string Name, string Value)> wellKnown, ImmutableArray<string> custom)
        {
            ConstantsClass = constantsClass;
            WellKnown = wellKnown;
            Custom = custom;
            foreach (var (_, value) in wellKnown)
            {
                known.Add(value);
            }

            foreach (var value in custom)
            {
                known.Add(value);
            }
        }

        /// <summary>The class of <c>CaseCompliance</c> that holds the constants: <c>Purposes</c> or <c>Grounds</c>.</summary>
        public string ConstantsClass { get; }

        public ImmutableArray<(string Name, string Value)> WellKnown { get; }

        /// <summary>Values declared in the rules file.</summary>
        public ImmutableArray<string> Custom { get; }

        /// <summary>The same catalog with more declared values.</summary>
        public NameCatalog WithCustom(ImmutableArray<string> custom) => new NameCatalog(ConstantsClass, WellKnown, Custom.AddRange(custom));

        public bool IsKnown(string value) => known.Contains(value);

        /// <summary>The constant name of a well-known value, or null.</summary>
        public string? ConstantName(string value)
        {
            foreach (var (name, v) in WellKnown)
            {
                if (v == value)
                {
                    return name;
                }
            }

            return null;
        }

        /// <summary>The known value closest to <paramref name="typo"/> (edit distance, ignoring case), or null when none is close.</summary>
        public string? Closest(string typo)
        {
            string? best = null;
            var bestDistance = int.MaxValue;
            var tie = false;
            foreach (var candidate in Ordered())
            {
                var d = EditDistance(typo.ToLowerInvariant(), candidate);
                if (d < bestDistance)
                {
                    best = candidate;
                    bestDistance = d;
                    tie = false;
                }
                else if (d == bestDistance)
                {
                    tie = true;
                }
            }

            // Two equally close values: no guess (a fix-all must not pick one for the user).
            return best is not null && !tie && bestDistance <= Math.Max(2, best.Length / 3) ? best : null;
        }

        /// <summary>The known values, well-known first, each once.</summary>
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
            // Optimal string alignment distance: insertions, deletions, substitutions and transpositions cost 1.
            var beforePrevious = new int[b.Length + 1];
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
                    if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    {
                        current[j] = Math.Min(current[j], beforePrevious[j - 2] + 1); // a swapped pair of letters
                    }
                }

                (beforePrevious, previous, current) = (previous, current, beforePrevious);
            }

            return previous[b.Length];
        }
    }
}
