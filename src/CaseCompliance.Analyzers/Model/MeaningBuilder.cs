using System.Collections.Immutable;

namespace CaseCompliance.Analyzers.Model
{
    /// <summary>Collects what the meaning sources declare for one symbol; later sources add to earlier ones.</summary>
    public sealed class MeaningBuilder
    {
        private ImmutableArray<LegalBasisInfo>.Builder? legalBases;

        public Role Roles { get; set; }

        public PersonalDataInfo? PersonalData { get; set; }

        public PersonalDataInfo? MemberPersonalData { get; set; }

        public ImmutableArray<string> ProcessingPurposes { get; set; }

        public void AddLegalBasis(LegalBasisInfo basis) => (legalBases ??= ImmutableArray.CreateBuilder<LegalBasisInfo>()).Add(basis);

        public SymbolMeaning ToMeaning()
        {
            var bases = legalBases?.ToImmutable() ?? ImmutableArray<LegalBasisInfo>.Empty;
            if (Roles == Role.None && PersonalData is null && MemberPersonalData is null && ProcessingPurposes.IsDefault && bases.IsEmpty)
            {
                return SymbolMeaning.None;
            }

            return new SymbolMeaning(Roles, PersonalData, MemberPersonalData, ProcessingPurposes, bases);
        }
    }

    /// <summary>
    /// A place meanings come from. Attributes in source and metadata are one; the rules file, which names
    /// symbols by documentation comment ID, is another. Rules never ask a source directly: they ask <see cref="CaseModel"/>.
    /// </summary>
    public interface IMeaningSource
    {
        /// <summary>Adds what this source declares for <paramref name="symbol"/> itself (no inheritance).</summary>
        void AddDeclared(Microsoft.CodeAnalysis.ISymbol symbol, MeaningBuilder builder);
    }
}
