using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace CaseCompliance.Analyzers.RulesFile
{
    /// <summary>
    /// Finds the symbols an ID pattern names, for the checks of the rules file (CASE902, CASE903, CASE905). Walks only
    /// the pattern's own container, found by name from the global namespace, never the whole compilation; a pattern's
    /// wildcard stands only in its last part, so that walk is one namespace's or type's members.
    /// </summary>
    internal sealed class SymbolResolver
    {
        private readonly Compilation compilation;
        private readonly Dictionary<string, ImmutableArray<ISymbol>> cache = new Dictionary<string, ImmutableArray<ISymbol>>(StringComparer.Ordinal);

        public SymbolResolver(Compilation compilation) => this.compilation = compilation;

        /// <summary>The symbols the pattern names (for a <c>#parameter</c> pattern, the parameters).</summary>
        public ImmutableArray<ISymbol> Resolve(DocIdPattern pattern, CancellationToken cancellationToken)
        {
            if (cache.TryGetValue(pattern.Text, out var cached))
            {
                return cached;
            }

            var builder = ImmutableArray.CreateBuilder<ISymbol>();
            if (pattern.Kind == 'A')
            {
                if (pattern.Matches("A:" + compilation.Assembly.Name))
                {
                    builder.Add(compilation.Assembly);
                }

                foreach (var reference in compilation.SourceModule.ReferencedAssemblySymbols)
                {
                    if (pattern.Matches("A:" + reference.Name))
                    {
                        builder.Add(reference);
                    }
                }
            }
            else if (Container(pattern.Container) is { } container)
            {
                foreach (var member in Members(container, pattern.Kind))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var id = member.GetDocumentationCommentId();
                    if (id is null || !pattern.Matches(id))
                    {
                        continue;
                    }

                    if (pattern.Parameter is null)
                    {
                        builder.Add(member);
                    }
                    else if (member is IMethodSymbol method)
                    {
                        foreach (var parameter in method.Parameters)
                        {
                            if (parameter.Name == pattern.Parameter)
                            {
                                builder.Add(parameter);
                            }
                        }
                    }
                }
            }

            var result = builder.ToImmutable();
            cache[pattern.Text] = result;
            return result;
        }

        /// <summary>
        /// Whether the ID is about this compilation: its first namespace (or type) exists here, or one a typo away does.
        /// One rules file at a repository's root covers many projects, and an entry about one project's code matches
        /// nothing in another's; only IDs that are about this compilation and still match nothing are reported here
        /// (casecheck reports IDs that match nothing in any project).
        /// </summary>
        public bool IsAboutThisCompilation(DocIdPattern pattern)
        {
            if (pattern.Kind == 'A')
            {
                return true;
            }

            var full = pattern.Container.Length == 0 ? pattern.Last : pattern.Container;
            var root = full.Split('.')[0];
            if (root.IndexOf('*') >= 0 || root.IndexOf('(') >= 0 || pattern.Container.Length == 0)
            {
                return true; // a type or namespace in the global namespace: nothing narrower to go by
            }

            foreach (var _ in compilation.GlobalNamespace.GetMembers(BaseName(root)))
            {
                return true;
            }

            var names = new List<string>();
            foreach (var member in compilation.GlobalNamespace.GetMembers())
            {
                names.Add(member.MetadataName);
            }

            return RulesFileReader.Closest(root, names) is not null;
        }

        /// <summary>A near miss for an ID that matches nothing, as an ID, or null.</summary>
        public string? Closest(DocIdPattern pattern)
        {
            if (pattern.Kind == 'A')
            {
                var names = new List<string> { compilation.Assembly.Name };
                foreach (var reference in compilation.SourceModule.ReferencedAssemblySymbols)
                {
                    names.Add(reference.Name);
                }

                return RulesFileReader.Closest(pattern.Last, names) is { } name ? "A:" + name : null;
            }

            var container = Container(pattern.Container);
            if (container is null)
            {
                // The container itself is misspelt: suggest the nearest name at the deepest level that exists.
                var (found, rest) = DeepestContainer(pattern.Container);
                var segment = rest.Split('.')[0];
                var candidates = new List<string>();
                foreach (var member in found.GetMembers())
                {
                    if (member is INamespaceOrTypeSymbol)
                    {
                        candidates.Add(member.MetadataName);
                    }
                }

                if (RulesFileReader.Closest(segment, candidates) is { } close)
                {
                    var prefix = found is INamespaceSymbol { IsGlobalNamespace: true } ? string.Empty : Name(found) + ".";
                    var fixedContainer = prefix + close + rest.Substring(segment.Length);
                    return pattern.Kind + ":" + fixedContainer + "." + pattern.Last;
                }

                return null;
            }

            var ids = new List<string>();
            var lasts = new List<string>();
            foreach (var member in Members(container, pattern.Kind))
            {
                if (member.GetDocumentationCommentId() is { } id)
                {
                    DocIdPattern.Split(id.Substring(2), out _, out var last);
                    ids.Add(id);
                    lasts.Add(pattern.AnyOverload ? NameOnly(last) : last);
                }
            }

            var target = pattern.AnyOverload || pattern.HasWildcard ? NameOnly(pattern.Last.Replace("*", string.Empty)) : pattern.Last;
            var best = RulesFileReader.Closest(target, lasts);
            return best is null ? null : ids[lasts.IndexOf(best)];
        }

        private static string NameOnly(string last)
        {
            var open = last.IndexOf('(');
            return open < 0 ? last : last.Substring(0, open);
        }

        private string Name(INamespaceOrTypeSymbol symbol)
        {
            var id = symbol.GetDocumentationCommentId();
            return id is { Length: > 2 } ? id.Substring(2) : symbol.Name;
        }

        /// <summary>The namespace or type an ID's container names, found segment by segment; null when it does not exist.</summary>
        public INamespaceOrTypeSymbol? Container(string name)
        {
            var (found, rest) = DeepestContainer(name);
            return rest.Length == 0 ? found : null;
        }

        private (INamespaceOrTypeSymbol Found, string Remainder) DeepestContainer(string name)
        {
            INamespaceOrTypeSymbol current = compilation.GlobalNamespace;
            if (name.Length == 0)
            {
                return (current, string.Empty);
            }

            var segments = name.Split('.');
            for (var i = 0; i < segments.Length; i++)
            {
                INamespaceOrTypeSymbol? next = null;
                foreach (var member in current.GetMembers(BaseName(segments[i])))
                {
                    if (member is INamespaceSymbol ns && ns.Name == segments[i] || member is INamedTypeSymbol type && type.MetadataName == segments[i])
                    {
                        next = (INamespaceOrTypeSymbol)member;
                        if (member is INamespaceSymbol)
                        {
                            break;
                        }
                    }
                }

                if (next is null)
                {
                    return (current, string.Join(".", segments, i, segments.Length - i));
                }

                current = next;
            }

            return (current, string.Empty);
        }

        /// <summary>A segment's name without its generic arity: <c>IdentityUser`1</c> is looked up as <c>IdentityUser</c>.</summary>
        private static string BaseName(string segment)
        {
            var tick = segment.IndexOf('`');
            return tick < 0 ? segment : segment.Substring(0, tick);
        }

        private static IEnumerable<ISymbol> Members(INamespaceOrTypeSymbol container, char kind)
        {
            foreach (var member in container.GetMembers())
            {
                var matches = kind switch
                {
                    'T' => member is INamedTypeSymbol,
                    'N' => member is INamespaceSymbol,
                    'M' => member is IMethodSymbol,
                    'P' => member is IPropertySymbol,
                    'F' => member is IFieldSymbol,
                    'E' => member is IEventSymbol,
                    _ => false,
                };
                if (matches)
                {
                    yield return member;
                }
            }
        }
    }
}
