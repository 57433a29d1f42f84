using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace CaseCompliance.Analyzers.Model
{
    /// <summary>
    /// Collects what the meaning sources declare for one symbol. Sources run in a fixed order (attributes, well-known
    /// libraries, rules files); roles and legal bases add up, and a fact that has one value (a category, purposes) keeps
    /// the first value given: what the code's own attributes say comes before what a file says about it.
    /// </summary>
    public sealed class MeaningBuilder
    {
        private ImmutableArray<LegalBasisInfo>.Builder? legalBases;
        private ImmutableArray<ExcludingPart>.Builder? excluding;

        public RoleSet Roles { get; private set; }

        public PersonalDataInfo? PersonalData { get; private set; }

        public PersonalDataInfo? MemberPersonalData { get; private set; }

        public ImmutableArray<string> ProcessingPurposes { get; private set; }

        public void AddRoles(RoleSet roles) => Roles = Roles.Union(roles);

        /// <summary>Personal data; a ground is added to data that has none, a category only when there is none yet.</summary>
        public void AddPersonalData(PersonalDataInfo info) => PersonalData = Combine(PersonalData, info);

        public void AddMemberPersonalData(PersonalDataInfo info) => MemberPersonalData = Combine(MemberPersonalData, info);

        /// <summary>Sets personal data that replaces what an earlier attribute of the same symbol said (a later [PersonalData] wins over [ProtectedCharacteristic]'s default).</summary>
        internal void ReplacePersonalData(PersonalDataInfo info) => PersonalData = info;

        internal void ReplaceMemberPersonalData(PersonalDataInfo info) => MemberPersonalData = info;

        public void AddProcessingPurposes(ImmutableArray<string> purposes)
        {
            if (ProcessingPurposes.IsDefault)
            {
                ProcessingPurposes = purposes;
            }
        }

        internal void ReplaceProcessingPurposes(ImmutableArray<string> purposes) => ProcessingPurposes = purposes;

        public void AddLegalBasis(LegalBasisInfo basis) => (legalBases ??= ImmutableArray.CreateBuilder<LegalBasisInfo>()).Add(basis);

        /// <summary>A part of a container's meaning that does not reach the symbols <paramref name="part"/> excludes.</summary>
        public void AddExcluding(ExcludingPart part) => (excluding ??= ImmutableArray.CreateBuilder<ExcludingPart>()).Add(part);

        public SymbolMeaning ToMeaning()
        {
            if (excluding is { Count: > 0 })
            {
                var direct = Copy();
                var full = Copy();
                foreach (var part in excluding)
                {
                    part.Apply(full);
                }

                return new SymbolMeaning(full.Roles, full.PersonalData, full.MemberPersonalData, full.ProcessingPurposes, full.LegalBasesArray(),
                    excluding.ToImmutable(), direct);
            }

            var bases = LegalBasesArray();
            if (Roles.IsEmpty && PersonalData is null && MemberPersonalData is null && ProcessingPurposes.IsDefault && bases.IsEmpty)
            {
                return SymbolMeaning.None;
            }

            return new SymbolMeaning(Roles, PersonalData, MemberPersonalData, ProcessingPurposes, bases);
        }

        /// <summary>The meaning as seen from <paramref name="inner"/>: the parts that exclude it, or a symbol on the way, left out.</summary>
        internal static SymbolMeaning SeenFrom(SymbolMeaning meaning, ISymbol container, ISymbol inner)
        {
            if (meaning.Excluding.IsEmpty || meaning.Direct is null)
            {
                return meaning;
            }

            var builder = meaning.Direct.Copy();
            foreach (var part in meaning.Excluding)
            {
                var excluded = false;
                for (var s = inner; s is not null && !SymbolEqualityComparer.Default.Equals(s, container); s = s.ContainingSymbol)
                {
                    if (part.Excludes(s))
                    {
                        excluded = true;
                        break;
                    }
                }

                if (!excluded)
                {
                    part.Apply(builder);
                }
            }

            return builder.ToMeaning();
        }

        private ImmutableArray<LegalBasisInfo> LegalBasesArray() => legalBases?.ToImmutable() ?? ImmutableArray<LegalBasisInfo>.Empty;

        internal MeaningBuilder Copy()
        {
            var copy = new MeaningBuilder
            {
                Roles = Roles,
                PersonalData = PersonalData,
                MemberPersonalData = MemberPersonalData,
                ProcessingPurposes = ProcessingPurposes,
            };
            if (legalBases is not null)
            {
                copy.legalBases = ImmutableArray.CreateBuilder<LegalBasisInfo>();
                copy.legalBases.AddRange(legalBases);
            }

            return copy;
        }

        /// <summary>The categories a meaning gets when nothing names one: <c>[PersonalData]</c> without a string, a bare <c>[ProtectedCharacteristic]</c>.</summary>
        internal const string UnnamedCategory = "personal";

        internal const string CharacteristicCategory = "protected-characteristic";

        private static PersonalDataInfo Combine(PersonalDataInfo? existing, PersonalDataInfo added)
        {
            if (existing is null)
            {
                return added;
            }

            // A ground adds to data that has none; a category named later replaces only a default one.
            var unnamed = existing.Category is UnnamedCategory or CharacteristicCategory;
            var category = unnamed && added.Category is not (UnnamedCategory or CharacteristicCategory) ? added.Category : existing.Category;
            var purposes = existing.Purposes.IsEmpty && unnamed ? added.Purposes : existing.Purposes;
            return new PersonalDataInfo(category, purposes, existing.Ground ?? added.Ground);
        }
    }

    /// <summary>
    /// A place meanings come from: attributes in source and metadata; well-known libraries (logging, console,
    /// exceptions, Microsoft.Extensions.Compliance); the rules files, which name symbols by documentation comment ID.
    /// Rules never ask a source directly: they ask <see cref="CaseModel"/>, and cannot tell where a meaning came from.
    /// </summary>
    public interface IMeaningSource
    {
        /// <summary>Adds what this source declares for <paramref name="symbol"/> itself (no inheritance).</summary>
        void AddDeclared(ISymbol symbol, MeaningBuilder builder);
    }
}
