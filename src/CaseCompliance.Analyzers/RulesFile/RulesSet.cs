using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using CaseCompliance.Analyzers.BuiltIn;
using CaseCompliance.Analyzers.Engine;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.Analyzers.RulesFile
{
    /// <summary>A problem found when the files are put together, in the file it belongs to.</summary>
    internal readonly struct LocatedProblem
    {
        public LocatedProblem(RulesDocument document, FileProblem problem)
        {
            Document = document;
            Problem = problem;
        }

        public RulesDocument Document { get; }

        public FileProblem Problem { get; }
    }

    /// <summary>
    /// The rules files of a project merged, in order of their paths, with the built-in definitions: the catalogs
    /// (purposes, categories with their default purposes, grounds, roles, guidelines), the symbol entries in order, and
    /// every rule, built-in first. Checks what no single file can: names used but declared nowhere (CASE904), guidelines
    /// nobody declares (CASE911), rule IDs given twice (CASE907) and catalog entries that disagree (CASE905).
    /// </summary>
    internal sealed class RulesSet
    {
        private static readonly Lazy<RulesSet> BuiltInOnly = new Lazy<RulesSet>(() => new RulesSet(ImmutableArray<RulesDocument>.Empty));

        private readonly List<LocatedProblem> problems = new List<LocatedProblem>();

        private RulesSet(ImmutableArray<RulesDocument> files)
        {
            Files = files;
            var purposes = new List<string>();
            var grounds = new List<string>();
            var categories = new List<string>();
            var roles = ImmutableArray.CreateBuilder<(string, string)>();
            var defaults = new Dictionary<string, (ImmutableArray<string> Purposes, RulesDocument Document, TextSpan Span)>(StringComparer.Ordinal);
            var guidelines = new Dictionary<string, Guideline>(StringComparer.Ordinal);
            var entries = ImmutableArray.CreateBuilder<SymbolEntry>();
            var rules = ImmutableArray.CreateBuilder<RuleDefinition>();
            var ruleIds = new Dictionary<string, RuleDefinition>(StringComparer.Ordinal);

            foreach (var g in Guidelines.All)
            {
                guidelines[g.Id] = g;
            }

            foreach (var rule in BuiltInRules.Document.Rules)
            {
                rules.Add(rule);
                ruleIds[rule.Id.Name] = rule;
            }

            foreach (var file in files)
            {
                foreach (var p in file.Purposes)
                {
                    purposes.Add(p.Name);
                }

                foreach (var g in file.Grounds)
                {
                    grounds.Add(g.Name);
                }

                foreach (var r in file.Roles)
                {
                    roles.Add((r.Name, r.Description));
                }

                foreach (var c in file.Categories)
                {
                    categories.Add(c.Name);
                    var list = Names(c.DefaultPurposes);
                    if (list.IsEmpty)
                    {
                        continue; // declared again without defaults: nothing to disagree with
                    }

                    if (defaults.TryGetValue(c.Name, out var earlier))
                    {
                        if (!SameSet(earlier.Purposes, list))
                        {
                            Report(file, RulesFileRules.ConflictingMeaning, c.Span, c.Name, "the default purposes " + Quoted(list),
                                "the default purposes " + Quoted(earlier.Purposes), earlier.Document.Describe(earlier.Span));
                        }
                    }
                    else
                    {
                        defaults[c.Name] = (list, file, c.Span);
                    }
                }

                foreach (var g in file.Guidelines)
                {
                    if (!guidelines.TryGetValue(g.Guideline.Id, out var known))
                    {
                        guidelines[g.Guideline.Id] = g.Guideline;
                    }
                    else if (known.Quote != g.Guideline.Quote)
                    {
                        var where = Guidelines.Find(known.Id) is not null ? "the built-in catalog" : "an earlier rules file";
                        Report(file, RulesFileRules.ConflictingMeaning, g.Span, g.Guideline.Id, "another quote", "the quote of " + where, where);
                    }
                }

                foreach (var entry in file.Symbols)
                {
                    if (!entry.Suggested)
                    {
                        entries.Add(entry);
                        DeclaresPersonalData |= HasData(entry);
                    }
                }

                foreach (var rule in file.Rules)
                {
                    if (ruleIds.TryGetValue(rule.Id.Name, out var first))
                    {
                        Report(file, RulesFileRules.DuplicateRuleId, rule.Id.Span, rule.Id.Name, first.Document.Describe(first.Id.Span));
                        continue;
                    }

                    ruleIds[rule.Id.Name] = rule;
                    rules.Add(rule);
                }
            }

            Purposes = NameCatalog.Purposes.WithCustom(purposes.ToImmutableArray());
            Grounds = NameCatalog.Grounds.WithCustom(grounds.ToImmutableArray());
            Categories = NameCatalog.Categories.WithCustom(categories.ToImmutableArray());
            Roles = files.IsEmpty ? RoleCatalog.BuiltIn : new RoleCatalog(roles.ToImmutable());
            var defaultPurposes = ImmutableDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.Ordinal);
            foreach (var pair in defaults)
            {
                defaultPurposes[pair.Key] = pair.Value.Purposes;
            }

            CategoryDefaults = defaultPurposes.ToImmutable();
            GuidelineCatalog = guidelines;
            Entries = entries.ToImmutable();
            Rules = rules.ToImmutable();

            var assigned = RoleSet.Empty;
            foreach (var entry in Entries)
            {
                assigned = assigned.Union(Roles.Set(RoleNames(entry)));
            }

            AssignedRoles = assigned;
            foreach (var file in files)
            {
                CheckReferences(file);
            }
        }

        /// <summary>The set of a project without rules files: the built-in rules and catalogs only.</summary>
        public static RulesSet Empty => BuiltInOnly.Value;

        /// <summary>Merges the rules files, which the caller gives in order of their paths.</summary>
        public static RulesSet Create(ImmutableArray<RulesDocument> files) => files.IsEmpty ? Empty : new RulesSet(files);

        /// <summary>The architect's files, in order of their paths (the built-in definitions are not among them).</summary>
        public ImmutableArray<RulesDocument> Files { get; }

        public NameCatalog Purposes { get; }

        public NameCatalog Grounds { get; }

        public NameCatalog Categories { get; }

        public RoleCatalog Roles { get; }

        /// <summary>Default purposes per category: data of the category without purposes of its own may only be processed for these.</summary>
        public ImmutableDictionary<string, ImmutableArray<string>> CategoryDefaults { get; }

        public IReadOnlyDictionary<string, Guideline> GuidelineCatalog { get; }

        /// <summary>The entries that apply (drafts marked <c>suggested</c> do not), files in order, entries in order.</summary>
        public ImmutableArray<SymbolEntry> Entries { get; }

        /// <summary>Every rule: the built-in definitions, then the custom rules of the files.</summary>
        public ImmutableArray<RuleDefinition> Rules { get; }

        /// <summary>Some entry says that something is personal data.</summary>
        public bool DeclaresPersonalData { get; }

        /// <summary>The roles some entry gives to some symbol.</summary>
        public RoleSet AssignedRoles { get; }

        /// <summary>Problems of the merge, each in its file.</summary>
        public IReadOnlyList<LocatedProblem> Problems => problems;

        public Guideline? Guideline(string id) => GuidelineCatalog.TryGetValue(id, out var g) ? g : null;

        private void CheckReferences(RulesDocument file)
        {
            foreach (var c in file.Categories)
            {
                CheckNames(file, c.DefaultPurposes, Purposes, "purpose");
            }

            foreach (var entry in file.Symbols)
            {
                CheckMeaning(file, entry.Meaning);
                foreach (var (_, meaning) in entry.Parameters)
                {
                    CheckMeaning(file, meaning);
                }

                if (entry.Returns is { } returns)
                {
                    CheckMeaning(file, returns);
                }
            }

            foreach (var rule in file.Rules)
            {
                var kind = RuleKind.Find(rule.Kind.Name);
                if (kind is null)
                {
                    continue;
                }

                foreach (var g in rule.Guidelines)
                {
                    if (!GuidelineCatalog.ContainsKey(g.Name))
                    {
                        var closest = RulesFileReader.Closest(g.Name, GuidelineCatalog.Keys);
                        Report(file, RulesFileRules.UnknownGuideline, g.Span, g.Name, closest is null ? string.Empty : "; did you mean '" + closest + "'?");
                    }
                }

                foreach (var parameter in kind.Parameters)
                {
                    if (rule.Parameter(parameter.Name) is not { } value)
                    {
                        continue;
                    }

                    switch (parameter.Type)
                    {
                        case ParameterType.Roles:
                            CheckRoles(file, value.Names);
                            break;
                        case ParameterType.Purposes:
                            CheckNames(file, value.Names, Purposes, "purpose");
                            break;
                        case ParameterType.Data when value.Data is { } data:
                            CheckNames(file, data.Categories, Categories, "data category");
                            CheckRoles(file, data.Roles);
                            foreach (var ground in data.Grounds)
                            {
                                if (ground.Name != "*")
                                {
                                    CheckNames(file, ImmutableArray.Create(ground), Grounds, "ground");
                                }
                            }

                            break;
                    }
                }
            }
        }

        private void CheckMeaning(RulesDocument file, EntryMeaning meaning)
        {
            if (meaning.PersonalData is { } data)
            {
                CheckNames(file, ImmutableArray.Create(data.Category), Categories, "data category");
                CheckNames(file, data.Purposes, Purposes, "purpose");
            }

            if (meaning.Ground is { } ground)
            {
                CheckNames(file, ImmutableArray.Create(ground), Grounds, "ground");
            }

            if (!meaning.Purposes.IsDefault)
            {
                CheckNames(file, meaning.Purposes, Purposes, "purpose");
            }

            CheckRoles(file, meaning.Roles);
            foreach (var basis in meaning.LegalBases)
            {
                CheckNames(file, basis.Grounds, Grounds, "ground");
            }
        }

        private void CheckRoles(RulesDocument file, ImmutableArray<NameReference> names)
        {
            foreach (var name in names)
            {
                if (!Roles.IsKnown(name.Name))
                {
                    var known = new List<string>();
                    for (var i = 0; i < Roles.Count; i++)
                    {
                        known.Add(Roles.Name(i));
                    }

                    var closest = RulesFileReader.Closest(name.Name, known);
                    Report(file, RulesFileRules.UndeclaredName, name.Span, "role", name.Name,
                        closest is null ? "; declare it under \"roles\"" : "; did you mean '" + closest + "'?");
                }
            }
        }

        private void CheckNames(RulesDocument file, ImmutableArray<NameReference> names, NameCatalog catalog, string what)
        {
            foreach (var name in names)
            {
                if (!catalog.IsKnown(name.Name))
                {
                    var closest = catalog.Closest(name.Name);
                    Report(file, RulesFileRules.UndeclaredName, name.Span, what, name.Name,
                        closest is null ? "; declare it under \"" + Section(what) + "\"" : "; did you mean '" + closest + "'?");
                }
            }
        }

        private static string Section(string what) => what switch
        {
            "purpose" => "purposes",
            "ground" => "grounds",
            _ => "categories",
        };

        private static bool HasData(SymbolEntry entry)
        {
            if (entry.Meaning.PersonalData is not null || entry.Meaning.Ground is not null || entry.Returns is { PersonalData: not null } or { Ground: not null })
            {
                return true;
            }

            foreach (var (_, meaning) in entry.Parameters)
            {
                if (meaning.PersonalData is not null || meaning.Ground is not null)
                {
                    return true;
                }
            }

            return false;
        }

        private static IEnumerable<string> RoleNames(SymbolEntry entry)
        {
            foreach (var r in entry.Meaning.Roles)
            {
                yield return r.Name;
            }

            foreach (var (_, meaning) in entry.Parameters)
            {
                foreach (var r in meaning.Roles)
                {
                    yield return r.Name;
                }
            }
        }

        internal static ImmutableArray<string> Names(ImmutableArray<NameReference> references)
        {
            var builder = ImmutableArray.CreateBuilder<string>(references.Length);
            foreach (var r in references)
            {
                builder.Add(r.Name);
            }

            return builder.MoveToImmutable();
        }

        private static bool SameSet(ImmutableArray<string> a, ImmutableArray<string> b)
        {
            if (a.Length != b.Length)
            {
                return false;
            }

            foreach (var x in a)
            {
                if (!b.Contains(x))
                {
                    return false;
                }
            }

            return true;
        }

        private static string Quoted(ImmutableArray<string> values) => values.IsEmpty ? "none" : Engine.SymbolText.Quoted(values);

        private void Report(RulesDocument file, DiagnosticDescriptor descriptor, TextSpan span, params object[] arguments)
            => problems.Add(new LocatedProblem(file, new FileProblem(descriptor, span, arguments)));
    }
}
