using System.Collections.Generic;
using System.Collections.Immutable;

namespace CaseCompliance.Analyzers
{
    /// <summary>One entry of the guideline catalog (shared/GUIDELINES.md, or a rules file's own) that rules, fixes and docs cite.</summary>
    public sealed class Guideline
    {
        internal Guideline(string id, string source, string shortPhrase, string quote, string summary)
        {
            Id = id;
            Source = source;
            ShortPhrase = shortPhrase;
            Quote = quote;
            Summary = summary;
        }

        /// <summary>The catalog ID, e.g. <c>EK-INTEGRITET-1</c>.</summary>
        public string Id { get; }

        /// <summary>The source document and section.</summary>
        public string Source { get; }

        /// <summary>A short Swedish phrase for code fix titles, e.g. "Etisk kod: bara information som behövs i ärendet".</summary>
        public string ShortPhrase { get; }

        /// <summary>The source's own words (Swedish).</summary>
        public string Quote { get; }

        /// <summary>An English summary.</summary>
        public string Summary { get; }
    }

    /// <summary>
    /// The built-in guideline catalog. Its texts live in the built-in definitions
    /// (<c>BuiltIn/builtin.casecompliance.json</c>, section <c>guidelines</c>) beside the rules that cite them, in the same
    /// format a rules file uses to declare guidelines of its own.
    /// </summary>
    public static class Guidelines
    {
        private static readonly System.Lazy<ImmutableArray<Guideline>> Catalog = new System.Lazy<ImmutableArray<Guideline>>(() =>
        {
            var builder = ImmutableArray.CreateBuilder<Guideline>();
            foreach (var declaration in BuiltIn.BuiltInRules.Document.Guidelines)
            {
                builder.Add(declaration.Guideline);
            }

            return builder.ToImmutable();
        });

        private static readonly System.Lazy<Dictionary<string, Guideline>> ById = new System.Lazy<Dictionary<string, Guideline>>(() =>
        {
            var map = new Dictionary<string, Guideline>();
            foreach (var g in Catalog.Value)
            {
                map[g.Id] = g;
            }

            return map;
        });

        /// <summary>Every built-in guideline, in catalog order.</summary>
        public static ImmutableArray<Guideline> All => Catalog.Value;

        /// <summary>Finds a built-in guideline by its catalog ID.</summary>
        public static Guideline? Find(string id) => ById.Value.TryGetValue(id, out var guideline) ? guideline : null;
    }
}
