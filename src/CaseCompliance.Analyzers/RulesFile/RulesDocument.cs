using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CaseCompliance.Analyzers.RulesFile
{
    /// <summary>A name written in the file (a purpose, category, ground, role or guideline) and where.</summary>
    internal readonly struct NameReference
    {
        public NameReference(string name, TextSpan span)
        {
            Name = name;
            Span = span;
        }

        public string Name { get; }

        public TextSpan Span { get; }
    }

    /// <summary>A mistake in a rules file: the CASE9xx rule, where it is, and the message arguments.</summary>
    internal sealed class FileProblem
    {
        public FileProblem(DiagnosticDescriptor descriptor, TextSpan span, params object[] arguments)
        {
            Descriptor = descriptor;
            Span = span;
            Arguments = arguments;
        }

        public DiagnosticDescriptor Descriptor { get; }

        public TextSpan Span { get; }

        public object[] Arguments { get; }
    }

    /// <summary>A declared purpose, ground, role or category, with its description (and a category's default purposes).</summary>
    internal sealed class NameDeclaration
    {
        public NameDeclaration(string name, string description, TextSpan span, ImmutableArray<NameReference> defaultPurposes)
        {
            Name = name;
            Description = description;
            Span = span;
            DefaultPurposes = defaultPurposes.IsDefault ? ImmutableArray<NameReference>.Empty : defaultPurposes;
        }

        public string Name { get; }

        public string Description { get; }

        public TextSpan Span { get; }

        public ImmutableArray<NameReference> DefaultPurposes { get; }
    }

    /// <summary><c>"personalData": { "category": ..., "purposes": [...] }</c>.</summary>
    internal sealed class PersonalDataSpec
    {
        public PersonalDataSpec(NameReference category, ImmutableArray<NameReference> purposes)
        {
            Category = category;
            Purposes = purposes;
        }

        public NameReference Category { get; }

        public ImmutableArray<NameReference> Purposes { get; }
    }

    /// <summary><c>{ "reference": "SFB 15 kap. 2 §", "grounds": ["age"] }</c>.</summary>
    internal sealed class LegalBasisSpec
    {
        public LegalBasisSpec(string reference, ImmutableArray<NameReference> grounds)
        {
            Reference = reference;
            Grounds = grounds;
        }

        public string Reference { get; }

        public ImmutableArray<NameReference> Grounds { get; }
    }

    /// <summary>The meanings one entry gives (SPEC §2): the same facts the attributes state.</summary>
    internal sealed class EntryMeaning
    {
        public static readonly EntryMeaning Empty = new EntryMeaning(null, null, default, ImmutableArray<NameReference>.Empty, ImmutableArray<LegalBasisSpec>.Empty);

        public EntryMeaning(PersonalDataSpec? personalData, NameReference? ground, ImmutableArray<NameReference> purposes,
            ImmutableArray<NameReference> roles, ImmutableArray<LegalBasisSpec> legalBases)
        {
            PersonalData = personalData;
            Ground = ground;
            Purposes = purposes;
            Roles = roles;
            LegalBases = legalBases;
        }

        public PersonalDataSpec? PersonalData { get; }

        /// <summary><c>protectedCharacteristic</c>: the ground; it implies personal data.</summary>
        public NameReference? Ground { get; }

        /// <summary><c>processingPurposes</c>; default when the entry declares none.</summary>
        public ImmutableArray<NameReference> Purposes { get; }

        public ImmutableArray<NameReference> Roles { get; }

        public ImmutableArray<LegalBasisSpec> LegalBases { get; }

        public bool IsEmpty => PersonalData is null && Ground is null && Purposes.IsDefault && Roles.IsEmpty && LegalBases.IsEmpty;
    }

    /// <summary>One entry of <c>symbols</c>: which symbols (by documentation comment ID), which not, and what they mean.</summary>
    internal sealed class SymbolEntry
    {
        public SymbolEntry(RulesDocument document, int index, TextSpan span, ImmutableArray<DocIdPattern> targets, ImmutableArray<DocIdPattern> except,
            EntryMeaning meaning, ImmutableArray<(NameReference Name, EntryMeaning Meaning)> parameters, EntryMeaning? returns, bool suggested)
        {
            Document = document;
            Index = index;
            Span = span;
            Targets = targets;
            Except = except;
            Meaning = meaning;
            Parameters = parameters;
            Returns = returns;
            Suggested = suggested;
        }

        public RulesDocument Document { get; }

        /// <summary>The entry's position in its file.</summary>
        public int Index { get; }

        public TextSpan Span { get; }

        public ImmutableArray<DocIdPattern> Targets { get; }

        public ImmutableArray<DocIdPattern> Except { get; }

        public EntryMeaning Meaning { get; }

        public ImmutableArray<(NameReference Name, EntryMeaning Meaning)> Parameters { get; }

        public EntryMeaning? Returns { get; }

        /// <summary>A draft entry (<c>casecheck init</c>): the analyzers ignore it until the architect removes the marker.</summary>
        public bool Suggested { get; }
    }

    /// <summary>What a rule's parameter holds once read: role or purpose names, a flag, patterns, a data selector or a word.</summary>
    internal sealed class ParameterValue
    {
        public ParameterValue(TextSpan span, ImmutableArray<NameReference> names = default, bool flag = false, DataSpec? data = null, string? word = null)
        {
            Span = span;
            Names = names.IsDefault ? ImmutableArray<NameReference>.Empty : names;
            Flag = flag;
            Data = data;
            Word = word;
        }

        public TextSpan Span { get; }

        public ImmutableArray<NameReference> Names { get; }

        public bool Flag { get; }

        public DataSpec? Data { get; }

        public string? Word { get; }
    }

    /// <summary><c>"data": "any"</c> or <c>{ "categories": [...], "grounds": [...], "roles": [...] }</c>.</summary>
    internal sealed class DataSpec
    {
        public static readonly DataSpec Any = new DataSpec(ImmutableArray<NameReference>.Empty, ImmutableArray<NameReference>.Empty, ImmutableArray<NameReference>.Empty);

        public DataSpec(ImmutableArray<NameReference> categories, ImmutableArray<NameReference> grounds, ImmutableArray<NameReference> roles)
        {
            Categories = categories;
            Grounds = grounds;
            Roles = roles;
        }

        public ImmutableArray<NameReference> Categories { get; }

        public ImmutableArray<NameReference> Grounds { get; }

        public ImmutableArray<NameReference> Roles { get; }
    }

    /// <summary>One entry of <c>rules</c>: a rule as data, built-in or custom.</summary>
    internal sealed class RuleDefinition
    {
        public RuleDefinition(RulesDocument document, TextSpan span, NameReference id, string? name, NameReference kind, string title, NameReference message,
            string? description, DiagnosticSeverity? severity, bool disabled, string? helpLink, ImmutableArray<NameReference> guidelines,
            ImmutableArray<string> statutes, ImmutableDictionary<string, ParameterValue> parameters)
        {
            Document = document;
            Span = span;
            Id = id;
            Name = name;
            Kind = kind;
            Title = title;
            Message = message;
            Description = description;
            Severity = severity;
            Disabled = disabled;
            HelpLink = helpLink;
            Guidelines = guidelines;
            Statutes = statutes;
            Parameters = parameters;
        }

        public RulesDocument Document { get; }

        public TextSpan Span { get; }

        public NameReference Id { get; }

        /// <summary>The rule's own label (e.g. SJP-TVA-SPECIALISTER), shown in its message, help and SARIF.</summary>
        public string? Name { get; }

        public NameReference Kind { get; }

        public string Title { get; }

        /// <summary>The message with named placeholders, as written.</summary>
        public NameReference Message { get; }

        public string? Description { get; }

        /// <summary>The severity the file gives; null for the default (Warning).</summary>
        public DiagnosticSeverity? Severity { get; }

        /// <summary><c>"severity": "none"</c>: the rule is off.</summary>
        public bool Disabled { get; }

        public string? HelpLink { get; }

        public ImmutableArray<NameReference> Guidelines { get; }

        public ImmutableArray<string> Statutes { get; }

        public ImmutableDictionary<string, ParameterValue> Parameters { get; }

        public bool IsBuiltIn => Document.IsBuiltIn;

        public ParameterValue? Parameter(string name) => Parameters.TryGetValue(name, out var value) ? value : null;

        /// <summary>The names of a role, purpose or pattern parameter; empty when it is not given.</summary>
        public ImmutableArray<string> Names(string parameter)
        {
            if (!Parameters.TryGetValue(parameter, out var value))
            {
                return ImmutableArray<string>.Empty;
            }

            var builder = ImmutableArray.CreateBuilder<string>(value.Names.Length);
            foreach (var n in value.Names)
            {
                builder.Add(n.Name);
            }

            return builder.MoveToImmutable();
        }

        public bool Flag(string parameter, bool defaultValue) => Parameters.TryGetValue(parameter, out var value) ? value.Flag : defaultValue;

        public string? Word(string parameter) => Parameters.TryGetValue(parameter, out var value) ? value.Word : null;
    }

    /// <summary>A guideline the file declares (or the built-in catalog), with where it is declared.</summary>
    internal sealed class GuidelineDeclaration
    {
        public GuidelineDeclaration(Guideline guideline, TextSpan span)
        {
            Guideline = guideline;
            Span = span;
        }

        public Guideline Guideline { get; }

        public TextSpan Span { get; }
    }

    /// <summary>One rules file as read: what it declares, and the mistakes found in it alone.</summary>
    internal sealed class RulesDocument
    {
        private readonly List<FileProblem> problems = new List<FileProblem>();

        public RulesDocument(string path, SourceText text, bool isBuiltIn)
        {
            Path = path;
            Text = text;
            IsBuiltIn = isBuiltIn;
        }

        public string Path { get; }

        public SourceText Text { get; }

        /// <summary>The package's own definitions (embedded), not an architect's file.</summary>
        public bool IsBuiltIn { get; }

        public ImmutableArray<NameDeclaration> Purposes { get; internal set; } = ImmutableArray<NameDeclaration>.Empty;

        public ImmutableArray<NameDeclaration> Categories { get; internal set; } = ImmutableArray<NameDeclaration>.Empty;

        public ImmutableArray<NameDeclaration> Grounds { get; internal set; } = ImmutableArray<NameDeclaration>.Empty;

        public ImmutableArray<NameDeclaration> Roles { get; internal set; } = ImmutableArray<NameDeclaration>.Empty;

        public ImmutableArray<GuidelineDeclaration> Guidelines { get; internal set; } = ImmutableArray<GuidelineDeclaration>.Empty;

        public ImmutableArray<SymbolEntry> Symbols { get; internal set; } = ImmutableArray<SymbolEntry>.Empty;

        public ImmutableArray<RuleDefinition> Rules { get; internal set; } = ImmutableArray<RuleDefinition>.Empty;

        /// <summary>Mistakes found in this file alone, in the order of the text.</summary>
        public IReadOnlyList<FileProblem> Problems => problems;

        /// <summary>True when the file could not be read at all (not JSON): nothing of it applies.</summary>
        public bool Unreadable { get; internal set; }

        internal void Report(DiagnosticDescriptor descriptor, TextSpan span, params object[] arguments)
            => problems.Add(new FileProblem(descriptor, span, arguments));

        /// <summary>A location in this file for a diagnostic: path, span and line span.</summary>
        public Location Location(TextSpan span)
        {
            var clamped = TextSpan.FromBounds(System.Math.Min(span.Start, Text.Length), System.Math.Min(span.End, Text.Length));
            return Microsoft.CodeAnalysis.Location.Create(Path, clamped, Text.Lines.GetLinePositionSpan(clamped));
        }

        /// <summary>"file:line" for messages that point at another place.</summary>
        public string Describe(TextSpan span)
        {
            var line = Text.Lines.GetLinePosition(System.Math.Min(span.Start, Text.Length)).Line + 1;
            return System.IO.Path.GetFileName(Path) + ":" + line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
