using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.Analyzers.RulesFile
{
    /// <summary>
    /// The meanings the rules files give, looked up lazily: entries are indexed by the kind and container of their ID
    /// (as BannedApiAnalyzers indexes banned symbols), so a symbol costs one dictionary lookup on its container's simple
    /// name, and only a symbol whose container an entry names gets its documentation comment ID computed. Nothing walks
    /// the symbols of the compilation or its references.
    /// </summary>
    internal sealed class FileMeaningSource : IMeaningSource
    {
        private readonly RulesSet rules;
        private readonly RoleCatalog roles;
        private readonly Dictionary<string, List<(SymbolEntry Entry, DocIdPattern Pattern)>> byContainer =
            new Dictionary<string, List<(SymbolEntry, DocIdPattern)>>(StringComparer.Ordinal);
        private readonly HashSet<string> containerNames = new HashSet<string>(StringComparer.Ordinal);
        private readonly List<(SymbolEntry Entry, DocIdPattern Pattern)> assemblies = new List<(SymbolEntry, DocIdPattern)>();
        private readonly ConcurrentDictionary<ISymbol, string> documentationNames = new ConcurrentDictionary<ISymbol, string>(SymbolEqualityComparer.Default);

        public FileMeaningSource(RulesSet rules)
        {
            this.rules = rules;
            roles = rules.Roles;
            foreach (var entry in rules.Entries)
            {
                foreach (var pattern in entry.Targets)
                {
                    if (pattern.Kind == 'A')
                    {
                        assemblies.Add((entry, pattern));
                        continue;
                    }

                    if (!byContainer.TryGetValue(pattern.ContainerKey, out var list))
                    {
                        byContainer.Add(pattern.ContainerKey, list = new List<(SymbolEntry, DocIdPattern)>());
                    }

                    list.Add((entry, pattern));
                    containerNames.Add(pattern.ContainerName);
                }
            }
        }

        public bool IsEmpty => rules.Entries.IsEmpty;

        public void AddDeclared(ISymbol symbol, MeaningBuilder builder)
        {
            if (IsEmpty)
            {
                return;
            }

            switch (symbol)
            {
                case IParameterSymbol parameter:
                    AddParameter(parameter, builder);
                    return;
                case IAssemblySymbol assembly:
                    var forAssembly = new List<SymbolEntry>();
                    foreach (var (entry, pattern) in assemblies)
                    {
                        if (pattern.Matches("A:" + assembly.Name) && !Excluded(entry, symbol))
                        {
                            forAssembly.Add(entry);
                        }
                    }

                    ApplyInOrder(forAssembly, symbol, builder, container: true);
                    return;
            }

            List<SymbolEntry>? matching = null;
            foreach (var (entry, pattern) in Candidates(symbol, out var id))
            {
                if (pattern.Parameter is null && pattern.Matches(id!) && !Excluded(entry, symbol))
                {
                    (matching ??= new List<SymbolEntry>()).Add(entry);
                    if (entry.Returns is { } returns && symbol is IMethodSymbol)
                    {
                        ApplyDirect(returns, symbol, builder);
                    }
                }
            }

            if (matching is not null)
            {
                ApplyInOrder(matching, symbol, builder, container: symbol is INamedTypeSymbol or INamespaceSymbol);
            }
        }

        /// <summary>
        /// Applies the entries that match a symbol in the order of the files: when one of them reaches only part of what
        /// is inside a container (it has exclusions), all of them are kept as parts, so that the first value still wins.
        /// </summary>
        private void ApplyInOrder(List<SymbolEntry> entries, ISymbol symbol, MeaningBuilder builder, bool container)
        {
            var asParts = false;
            foreach (var entry in entries)
            {
                asParts |= container && !entry.Except.IsEmpty;
            }

            foreach (var entry in entries)
            {
                if (asParts)
                {
                    // "All of T:Customer except P:Customer.CustomerNumber": the type's meaning does not reach what is excluded.
                    var meaning = entry.Meaning;
                    builder.AddExcluding(new ExcludingPart(inner => Excluded(entry, inner), b => ApplyDirect(meaning, symbol, b)));
                }
                else
                {
                    ApplyDirect(entry.Meaning, symbol, builder);
                }
            }
        }

        /// <summary>The entries filed under the symbol's kind and container, with the symbol's ID when there are any.</summary>
        private List<(SymbolEntry Entry, DocIdPattern Pattern)> Candidates(ISymbol symbol, out string? id)
        {
            id = null;
            var kind = KindOf(symbol);
            if (kind == '\0')
            {
                return Empty;
            }

            var container = (ISymbol?)symbol.ContainingType ?? symbol.ContainingNamespace;
            if (container is null)
            {
                return Empty;
            }

            var simple = container is INamespaceSymbol { IsGlobalNamespace: true } ? string.Empty : container.MetadataName;
            if (!containerNames.Contains(simple))
            {
                return Empty; // the common case: no entry names anything in this type or namespace
            }

            if (!byContainer.TryGetValue(kind + ":" + DocumentationName(container), out var list))
            {
                return Empty;
            }

            id = symbol.GetDocumentationCommentId();
            return id is null ? Empty : list;
        }

        private static readonly List<(SymbolEntry, DocIdPattern)> Empty = new List<(SymbolEntry, DocIdPattern)>();

        private void AddParameter(IParameterSymbol parameter, MeaningBuilder builder)
        {
            if (parameter.ContainingSymbol is not IMethodSymbol method)
            {
                return;
            }

            foreach (var (entry, pattern) in Candidates(method, out var id))
            {
                if (!pattern.Matches(id!) || Excluded(entry, method))
                {
                    continue;
                }

                if (ExcludesParameter(entry, id!, parameter.Name))
                {
                    continue;
                }

                if (pattern.Parameter == parameter.Name)
                {
                    ApplyDirect(entry.Meaning, parameter, builder);
                }
                else if (pattern.Parameter is null)
                {
                    foreach (var (name, meaning) in entry.Parameters)
                    {
                        if (name.Name == parameter.Name)
                        {
                            ApplyDirect(meaning, parameter, builder);
                        }
                    }
                }
            }
        }

        private static char KindOf(ISymbol symbol) => symbol switch
        {
            INamedTypeSymbol => 'T',
            IMethodSymbol => 'M',
            IPropertySymbol => 'P',
            IFieldSymbol => 'F',
            IEventSymbol => 'E',
            INamespaceSymbol { IsGlobalNamespace: false } => 'N',
            _ => '\0',
        };

        /// <summary>A type's or namespace's ID without its prefix (<c>Legacy.Crm.Customer</c>), cached.</summary>
        private string DocumentationName(ISymbol container)
        {
            if (container is INamespaceSymbol { IsGlobalNamespace: true })
            {
                return string.Empty;
            }

            if (documentationNames.TryGetValue(container, out var name))
            {
                return name;
            }

            var id = container.GetDocumentationCommentId();
            return documentationNames.GetOrAdd(container, id is { Length: > 2 } ? id.Substring(2) : string.Empty);
        }

        private static bool Excluded(SymbolEntry entry, ISymbol symbol)
        {
            if (entry.Except.IsEmpty)
            {
                return false;
            }

            var id = symbol is IAssemblySymbol assembly ? "A:" + assembly.Name : symbol.GetDocumentationCommentId();
            if (id is null)
            {
                return false;
            }

            foreach (var except in entry.Except)
            {
                if (except.Parameter is null && except.Matches(id))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether the entry's <c>except</c> names this parameter of the method (<c>M:...Find(System.String)#pnr</c>).</summary>
        private static bool ExcludesParameter(SymbolEntry entry, string methodId, string parameter)
        {
            foreach (var except in entry.Except)
            {
                if (except.Parameter == parameter && except.Matches(methodId))
                {
                    return true;
                }
            }

            return false;
        }

        private void ApplyDirect(EntryMeaning meaning, ISymbol symbol, MeaningBuilder builder)
        {
            if (!meaning.Roles.IsEmpty)
            {
                builder.AddRoles(roles.Set(RulesSet.Names(meaning.Roles)));
            }

            if (!meaning.Purposes.IsDefault)
            {
                builder.AddProcessingPurposes(RulesSet.Names(meaning.Purposes));
            }

            foreach (var basis in meaning.LegalBases)
            {
                builder.AddLegalBasis(new LegalBasisInfo(basis.Reference, RulesSet.Names(basis.Grounds)));
            }

            PersonalDataInfo? data = null;
            if (meaning.PersonalData is { } pd)
            {
                data = new PersonalDataInfo(pd.Category.Name, RulesSet.Names(pd.Purposes));
            }

            if (meaning.Ground is { } ground)
            {
                data = data is null ? new PersonalDataInfo(MeaningBuilder.CharacteristicCategory, ImmutableArray<string>.Empty, ground.Name) : data.WithGround(ground.Name);
            }

            if (data is not null)
            {
                if (symbol is INamedTypeSymbol or INamespaceSymbol)
                {
                    builder.AddMemberPersonalData(data);
                }
                else
                {
                    builder.AddPersonalData(data);
                }
            }
        }
    }
}
