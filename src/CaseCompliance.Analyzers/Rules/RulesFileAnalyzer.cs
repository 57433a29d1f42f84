using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using CaseCompliance.Analyzers.Model;
using CaseCompliance.Analyzers.RulesFile;

namespace CaseCompliance.Analyzers.Rules
{
    /// <summary>
    /// CASE900-CASE911: mistakes in the rules files, each reported in its file at its line and column, live for an open
    /// file in the IDE and in every build. What the reader found in one file alone, what the merge of the files found,
    /// and what only the compilation can tell: IDs that match no symbol (CASE902), exclusions that exclude nothing
    /// (CASE903) and entries that give one symbol two values of the same meaning (CASE905).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RulesFileAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = RulesFileRules.All;

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                var model = CaseModel.GetOrCreate(start);
                if (model.RulesSet.Files.IsEmpty)
                {
                    return;
                }

                var checks = new CompilationChecks(model);
                start.RegisterAdditionalFileAction(file => checks.OnFile(file));
            });
        }

        /// <summary>The checks that need the compilation, made once for all files and reported file by file.</summary>
        private sealed class CompilationChecks
        {
            private readonly CaseModel model;
            private readonly object gate = new object();
            private List<LocatedProblem>? problems;

            public CompilationChecks(CaseModel model) => this.model = model;

            public void OnFile(AdditionalFileAnalysisContext context)
            {
                RulesDocument? document = null;
                foreach (var file in model.RulesSet.Files)
                {
                    if (string.Equals(file.Path, context.AdditionalFile.Path, StringComparison.Ordinal))
                    {
                        document = file;
                    }
                }

                if (document is null)
                {
                    return;
                }

                foreach (var problem in document.Problems)
                {
                    Report(context, document, problem);
                }

                foreach (var located in model.RulesSet.Problems)
                {
                    if (located.Document == document)
                    {
                        Report(context, document, located.Problem);
                    }
                }

                foreach (var located in CompilationProblems(context.CancellationToken))
                {
                    if (located.Document == document)
                    {
                        Report(context, document, located.Problem);
                    }
                }
            }

            private static void Report(AdditionalFileAnalysisContext context, RulesDocument document, FileProblem problem)
                => context.ReportDiagnostic(Diagnostic.Create(problem.Descriptor, document.Location(problem.Span), problem.Arguments));

            private List<LocatedProblem> CompilationProblems(CancellationToken cancellationToken)
            {
                lock (gate)
                {
                    return problems ??= Find(cancellationToken);
                }
            }

            private List<LocatedProblem> Find(CancellationToken cancellationToken)
            {
                var found = new List<LocatedProblem>();
                var resolver = new SymbolResolver(model.Compilation);
                var facts = new Dictionary<(ISymbol Symbol, string Fact), (string Value, SymbolEntry Entry)>(new SymbolFactComparer());
                foreach (var entry in model.RulesSet.Entries)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var reached = new List<ISymbol>();
                    foreach (var target in entry.Targets)
                    {
                        var symbols = resolver.Resolve(target, cancellationToken);
                        if (symbols.IsEmpty)
                        {
                            if (!resolver.IsAboutThisCompilation(target))
                            {
                                continue; // an entry about another project's code, in a file shared by several
                            }

                            var closest = resolver.Closest(target);
                            Add(found, entry.Document, RulesFileRules.UnmatchedId, target.Span, target.Text,
                                closest is null ? string.Empty : "; did you mean '" + closest + "'?");
                            continue;
                        }

                        reached.AddRange(symbols);
                        CheckParameters(found, entry, target, symbols);
                        foreach (var symbol in symbols)
                        {
                            if (!IsExcluded(entry, symbol))
                            {
                                CheckConflicts(found, facts, entry, target, symbol);
                            }
                        }
                    }

                    if (reached.Count == 0)
                    {
                        continue; // its IDs match nothing here: CASE902 said so, or the entry is about another project
                    }

                    foreach (var except in entry.Except)
                    {
                        if (!ExcludesSomething(resolver.Resolve(except, cancellationToken), reached))
                        {
                            var why = resolver.Resolve(except, cancellationToken).IsEmpty ? "; it matches no symbol" : "; what it names is outside the entry";
                            Add(found, entry.Document, RulesFileRules.EmptyExclusion, except.Span, except.Text, string.Join(", ", Texts(entry.Targets)), why);
                        }
                    }
                }

                return found;
            }

            /// <summary>Parameters named under "parameters" must exist on the methods the entry names.</summary>
            private static void CheckParameters(List<LocatedProblem> found, SymbolEntry entry, DocIdPattern target, ImmutableArray<ISymbol> symbols)
            {
                foreach (var (name, _) in entry.Parameters)
                {
                    var exists = false;
                    var names = new List<string>();
                    foreach (var symbol in symbols)
                    {
                        if (symbol is IMethodSymbol method)
                        {
                            foreach (var parameter in method.Parameters)
                            {
                                exists |= parameter.Name == name.Name;
                                names.Add(parameter.Name);
                            }
                        }
                    }

                    if (!exists)
                    {
                        var closest = RulesFileReader.Closest(name.Name, names);
                        Add(found, entry.Document, RulesFileRules.UnmatchedId, name.Span, target.Text + "#" + name.Name,
                            closest is null ? "; the method has no parameter of that name" : "; did you mean '" + closest + "'?");
                    }
                }
            }

            /// <summary>Two entries that give one symbol different values of a one-valued meaning: the later one is reported.</summary>
            private static void CheckConflicts(List<LocatedProblem> found, Dictionary<(ISymbol, string), (string Value, SymbolEntry Entry)> facts,
                SymbolEntry entry, DocIdPattern target, ISymbol symbol)
            {
                var meaning = entry.Meaning;
                if (meaning.PersonalData is { } data)
                {
                    Fact(found, facts, entry, target, symbol, "the data category", "'" + data.Category.Name + "'");
                    Fact(found, facts, entry, target, symbol, "the data purposes",
                        data.Purposes.IsEmpty ? "any declared purpose" : Engine.SymbolText.Quoted(RulesSet.Names(data.Purposes).Sort(StringComparer.Ordinal)));
                }

                if (meaning.Ground is { } ground)
                {
                    Fact(found, facts, entry, target, symbol, "the ground", "'" + ground.Name + "'");
                }

                if (!meaning.Purposes.IsDefault)
                {
                    var sorted = RulesSet.Names(meaning.Purposes).Sort(StringComparer.Ordinal);
                    Fact(found, facts, entry, target, symbol, "the processing purposes", Engine.SymbolText.Quoted(sorted));
                }
            }

            private static void Fact(List<LocatedProblem> found, Dictionary<(ISymbol, string), (string Value, SymbolEntry Entry)> facts,
                SymbolEntry entry, DocIdPattern target, ISymbol symbol, string fact, string value)
            {
                if (facts.TryGetValue((symbol, fact), out var earlier))
                {
                    if (earlier.Value != value && earlier.Entry != entry)
                    {
                        Add(found, entry.Document, RulesFileRules.ConflictingMeaning, target.Span, symbol.GetDocumentationCommentId() ?? symbol.Name,
                            fact + " " + value, fact + " " + earlier.Value, earlier.Entry.Document.Describe(earlier.Entry.Span));
                    }

                    return;
                }

                facts[(symbol, fact)] = (value, entry);
            }

            private static bool IsExcluded(SymbolEntry entry, ISymbol symbol)
            {
                var id = symbol.GetDocumentationCommentId();
                foreach (var except in entry.Except)
                {
                    if (id is not null && except.Parameter is null && except.Matches(id))
                    {
                        return true;
                    }
                }

                return false;
            }

            private static bool ExcludesSomething(ImmutableArray<ISymbol> excluded, List<ISymbol> reached)
            {
                foreach (var symbol in excluded)
                {
                    foreach (var target in reached)
                    {
                        for (ISymbol? s = symbol; s is not null; s = s.ContainingSymbol)
                        {
                            if (SymbolEqualityComparer.Default.Equals(s.OriginalDefinition, target.OriginalDefinition)
                                || target is IAssemblySymbol assembly && SymbolEqualityComparer.Default.Equals(s.ContainingAssembly, assembly))
                            {
                                return true;
                            }
                        }
                    }
                }

                return false;
            }

            private static IEnumerable<string> Texts(ImmutableArray<DocIdPattern> patterns)
            {
                foreach (var p in patterns)
                {
                    yield return p.Text;
                }
            }

            private static void Add(List<LocatedProblem> found, RulesDocument document, DiagnosticDescriptor descriptor, Microsoft.CodeAnalysis.Text.TextSpan span, params object[] arguments)
                => found.Add(new LocatedProblem(document, new FileProblem(descriptor, span, arguments)));
        }

        private sealed class SymbolFactComparer : IEqualityComparer<(ISymbol Symbol, string Fact)>
        {
            public bool Equals((ISymbol Symbol, string Fact) x, (ISymbol Symbol, string Fact) y)
                => x.Fact == y.Fact && SymbolEqualityComparer.Default.Equals(x.Symbol, y.Symbol);

            public int GetHashCode((ISymbol Symbol, string Fact) obj) => SymbolEqualityComparer.Default.GetHashCode(obj.Symbol) ^ obj.Fact.GetHashCode();
        }
    }
}
