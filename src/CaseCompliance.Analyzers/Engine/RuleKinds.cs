using System;
using System.Collections.Immutable;

namespace CaseCompliance.Analyzers.Engine
{
    /// <summary>What a parameter of a rule kind takes in the rules file.</summary>
    public enum ParameterType
    {
        /// <summary>A role name or an array of them.</summary>
        Roles,

        /// <summary>An array of purpose names.</summary>
        Purposes,

        /// <summary><c>true</c> or <c>false</c>.</summary>
        Bool,

        /// <summary>An array of name patterns; <c>*</c> stands for any run of characters, case is ignored.</summary>
        Globs,

        /// <summary>Which personal data: <c>"any"</c>, or an object with <c>categories</c>, <c>grounds</c> and <c>roles</c>.</summary>
        Data,

        /// <summary>One of a fixed list of words.</summary>
        Choice,

        /// <summary>Free text, e.g. the message of the exception a code fix's guard throws.</summary>
        Text,
    }

    /// <summary>One parameter of a rule kind: its name in the rules file, what it takes, whether it is required.</summary>
    public sealed class KindParameter
    {
        public KindParameter(string name, ParameterType type, bool required, string description, params string[] choices)
        {
            Name = name;
            Type = type;
            Required = required;
            Description = description;
            Choices = ImmutableArray.Create(choices);
        }

        public string Name { get; }

        public ParameterType Type { get; }

        public bool Required { get; }

        public string Description { get; }

        /// <summary>For <see cref="ParameterType.Choice"/>: the words it takes; the first is the default.</summary>
        public ImmutableArray<string> Choices { get; }
    }

    /// <summary>A named placeholder a rule's message may use, e.g. <c>{trigger}</c>.</summary>
    public sealed class KindPlaceholder
    {
        public KindPlaceholder(string name, string description)
        {
            Name = name;
            Description = description;
        }

        public string Name { get; }

        public string Description { get; }
    }

    /// <summary>
    /// A rule kind as the rules file sees it: its name, its parameters, the placeholders of its message, and the code
    /// fix a diagnostic of the kind gets. The engine class that decides the kind's question is named in <see cref="Engine"/>.
    /// Every rule, built-in or custom, is an instance of one of these.
    /// </summary>
    public sealed class RuleKind
    {
        private RuleKind(string name, string question, string engine, string? fix, bool builtInOnly,
            ImmutableArray<KindParameter> parameters, ImmutableArray<KindPlaceholder> placeholders, ImmutableArray<string> oneOf = default)
        {
            Name = name;
            Question = question;
            Engine = engine;
            Fix = fix;
            BuiltInOnly = builtInOnly;
            Parameters = parameters;
            Placeholders = placeholders;
            RequiresOneOf = oneOf.IsDefault ? ImmutableArray<string>.Empty : oneOf;
        }

        /// <summary>The name in the rules file's <c>kind</c>.</summary>
        public string Name { get; }

        /// <summary>The question the kind answers, in a sentence.</summary>
        public string Question { get; }

        /// <summary>The engine file that decides it.</summary>
        public string Engine { get; }

        /// <summary>The code fix a diagnostic of this kind gets, or null.</summary>
        public string? Fix { get; }

        /// <summary>Only the built-in rules may use the kind.</summary>
        public bool BuiltInOnly { get; }

        public ImmutableArray<KindParameter> Parameters { get; }

        /// <summary>In the order of the descriptor's positional arguments: <c>{trigger}</c> becomes <c>{0}</c> when it is first.</summary>
        public ImmutableArray<KindPlaceholder> Placeholders { get; }

        /// <summary>At least one of these parameters must be given.</summary>
        public ImmutableArray<string> RequiresOneOf { get; }

        public KindParameter? Parameter(string name)
        {
            foreach (var parameter in Parameters)
            {
                if (parameter.Name == name)
                {
                    return parameter;
                }
            }

            return null;
        }

        public int PlaceholderIndex(string name)
        {
            for (var i = 0; i < Placeholders.Length; i++)
            {
                if (Placeholders[i].Name == name)
                {
                    return i;
                }
            }

            return -1;
        }

        public const string PurposeRestriction = "purposeRestriction";
        public const string RequiredOnEveryPath = "requiredOnEveryPath";
        public const string GuardBefore = "guardBefore";
        public const string GuardedBody = "guardedBody";
        public const string MustDiffer = "mustDiffer";
        public const string NoFlowToSink = "noFlowToSink";
        public const string NoBranchOn = "noBranchOn";
        public const string RequiredValue = "requiredValue";
        public const string CoverMatches = "coverMatches";
        public const string CoverNotSwallowed = "coverNotSwallowed";
        public const string KnownName = "knownName";

        private static KindParameter Roles(string name, bool required, string description) => new KindParameter(name, ParameterType.Roles, required, description);

        private static KindParameter Flag(string name, string description) => new KindParameter(name, ParameterType.Bool, false, description);

        private static KindPlaceholder P(string name, string description) => new KindPlaceholder(name, description);

        private static readonly KindParameter DataParameter = new KindParameter("data", ParameterType.Data, false,
            "which personal data the rule is about: \"any\" (the default), or { \"categories\": [...], \"grounds\": [...], \"roles\": [...] }; every list given must match, and \"*\" in grounds means any ground");

        private static readonly KindParameter FixMessage = new KindParameter("fixMessage", ParameterType.Text, false,
            "for the code fix: the message of the exception the guard it inserts throws (default: one naming the rule and its guideline)");

        private static KindParameter FixTitle(string placeholders) => new KindParameter("fixTitle", ParameterType.Text, false,
            "for the code fix: the action in its title, before the guideline (" + placeholders + " stand for what it inserts)");

        private static readonly KindParameter PassUp = Flag("passUp",
            "a method that itself plays the trigger role passes the duty to its callers (default true)");

        /// <summary>Every kind, in the order the docs list them.</summary>
        public static readonly ImmutableArray<RuleKind> All = ImmutableArray.Create(
            new RuleKind(PurposeRestriction, "Is this read of personal data covered by a purpose it allows?", "Engine/PurposeRestriction.cs", "DeclarePurposeFix", false,
                ImmutableArray.Create(
                    DataParameter,
                    new KindParameter("report", ParameterType.Choice, false,
                        "\"outside\" (the default): the purposes in scope have none of the allowed purposes; \"undeclared\": no purpose is in scope at all", "outside", "undeclared"),
                    new KindParameter("purposes", ParameterType.Purposes, false, "the purposes the data may be processed for; without it, the data's own purposes"),
                    Flag("exemptDeclaringType", "the type that declares the data may read its own members (default true)")),
                ImmutableArray.Create(P("data", "the personal-data member read"), P("category", "its data category"), P("method", "the code that reads it"),
                    P("allowed", "the allowed purposes, quoted"), P("scope", "the purposes in scope, quoted"))),
            new RuleKind(RequiredOnEveryPath, "Does every path through the body that passes a trigger call also pass a cover call, before or after?", "Engine/PathEngine.cs", "InsertCoverCallFix", false,
                ImmutableArray.Create(
                    Roles("trigger", true, "calls that need a cover"),
                    Roles("cover", true, "calls that cover"),
                    Roles("match", false, "a cover counts only when its argument of this role is not provably another value than the trigger's"),
                    FixTitle("{call}"),
                    PassUp),
                ImmutableArray.Create(P("trigger", "the called method that needs a cover"), P("method", "the body it is in"), P("cover", "the cover roles"))),
            new RuleKind(GuardBefore, "Does every path from the start of the body to a trigger call pass a guard first?", "Engine/PathEngine.cs", "InsertGuardFix", false,
                ImmutableArray.Create(
                    Roles("trigger", true, "calls that need a guard"),
                    Roles("cover", false, "calls that guard (a bool one through a condition on its result, with checkedResult)"),
                    Flag("checkedResult", "a cover call that returns bool guards only through a condition on its result that stops the trigger"),
                    Roles("status", false, "members whose value, tested as passed, guards the branch where it holds"),
                    new KindParameter("passedValues", ParameterType.Globs, false, "names of enum members of a status that mean passed (true always does)"),
                    new KindParameter("failedValues", ParameterType.Globs, false, "names of enum members that never mean passed, even when they match passedValues"),
                    new KindParameter("failingCheckNames", ParameterType.Globs, false, "names of bool checks, cover calls and helpers, whose true result means the check failed (HasConflict); the engine reads a check by its name, and so does the code fix"),
                    new KindParameter("passingCheckNames", ParameterType.Globs, false, "exceptions to failingCheckNames (HasNoConflict)"),
                    FixMessage,
                    FixTitle("{call} and {member}"),
                    PassUp),
                ImmutableArray.Create(P("trigger", "the called method that needs a guard"), P("method", "the body it is in"), P("cover", "the cover and status roles")),
                ImmutableArray.Create("cover", "status")),
            new RuleKind(GuardedBody, "Does every path that completes a method of the trigger role, and records something, pass a check that rejects?", "Engine/PathEngine.cs", "RejectEqualFix", false,
                ImmutableArray.Create(
                    Roles("trigger", true, "methods whose bodies need the check"),
                    Roles("cover", false, "calls that check (a bool one through a condition on its result, with checkedResult)"),
                    Flag("checkedResult", "a cover call that returns bool checks only through a condition on its result"),
                    Roles("compareWith", false, "members or parameters whose comparison with another value, rejecting on equality, checks"),
                    Roles("comparedParameter", false, "when the method has a parameter of this role, the comparison must involve it"),
                    FixMessage,
                    FixTitle("{compared} and {other}")),
                ImmutableArray.Create(P("method", "the method"), P("compared", "the parameter the check is about, or the role's name")),
                ImmutableArray.Create("cover", "compareWith")),
            new RuleKind(MustDiffer, "In a call of this role, are the values of two roles provably the same?", "Engine/MustDiffer.cs", null, false,
                ImmutableArray.Create(
                    Roles("call", true, "the calls to check"),
                    Roles("first", true, "the parameter of the first value"),
                    Roles("second", true, "the parameter (or a member of another argument) of the second value")),
                ImmutableArray.Create(P("call", "the called method"), P("first", "the first value, as written"), P("second", "the second value, as written"))),
            new RuleKind(NoFlowToSink, "Does personal data reach a sink without passing a redactor?", "Engine/NoFlowToSink.cs", "RedactFix", false,
                ImmutableArray.Create(
                    DataParameter,
                    Roles("sinks", true, "methods, parameters and receivers where data leaves the system"),
                    Roles("redactors", false, "calls whose result is clean"),
                    FixTitle("{call}")),
                ImmutableArray.Create(P("data", "the personal-data member that flows"), P("category", "its data category"), P("sink", "the sink"))),
            new RuleKind(NoBranchOn, "Does a condition in this scope read this data?", "Engine/NoBranchOn.cs", null, false,
                ImmutableArray.Create(
                    new KindParameter("data", ParameterType.Data, false, "which data must not decide a condition (default: any protected characteristic, { \"grounds\": [\"*\"] })"),
                    Roles("scope", true, "the code the rule looks at: members and types of this role"),
                    new KindParameter("exemptPurposes", ParameterType.Purposes, false, "reading the data is fine where one of these purposes is in scope"),
                    Flag("legalBasisExempts", "a [LegalBasis] in scope that names the data's ground exempts it (default true)")),
                ImmutableArray.Create(P("data", "the data read in the condition"), P("ground", "its ground, or its category"), P("method", "the code"))),
            new RuleKind(RequiredValue, "Is a type of this role created without a non-empty value for its member of that role?", "Engine/RequiredValue.cs", "ProvideValueFix", false,
                ImmutableArray.Create(
                    Roles("type", true, "the types whose creation is checked"),
                    Roles("member", true, "the member (or constructor parameter) that needs a value"),
                    new KindParameter("fixPlaceholder", ParameterType.Text, false,
                        "for the code fix: what the placeholder it inserts (DecisionReasons.Missing(\"...\")) asks the developer to write"),
                    FixTitle("{member}")),
                ImmutableArray.Create(P("type", "the type created"), P("member", "the member left empty"), P("problem", "missing, or set to null, an empty string, whitespace or default"))),
            new RuleKind(CoverMatches, "Is a cover call's argument provably another value than every trigger's in its body?", "Engine/CoverChecks.cs", null, false,
                ImmutableArray.Create(
                    Roles("trigger", true, "the calls covered"),
                    Roles("cover", true, "the covering calls"),
                    Roles("match", true, "the parameter both must agree on")),
                ImmutableArray.Create(P("cover", "the cover call"), P("recorded", "the value it records"), P("trigger", "a trigger of the body"), P("expected", "that trigger's value"))),
            new RuleKind(CoverNotSwallowed, "Does a catch swallow a cover call's failure while the trigger's data is still used?", "Engine/CoverChecks.cs", null, false,
                ImmutableArray.Create(
                    Roles("trigger", true, "the calls covered"),
                    Roles("cover", true, "the covering calls")),
                ImmutableArray.Create(P("cover", "the cover call"), P("method", "the body"), P("trigger", "the trigger whose data survives"))),
            new RuleKind(KnownName, "Is a string in an annotation a known purpose or ground?", "Engine/CatalogStrings.cs", "ReplaceUnknownNameFix", true,
                ImmutableArray.Create(new KindParameter("catalog", ParameterType.Choice, true, "which strings: the purposes or the grounds", "purposes", "grounds")),
                ImmutableArray.Create(P("value", "the unknown string"), P("suggestion", "\"; did you mean 'x'?\" when one is close, else empty"))));

        public static RuleKind? Find(string name)
        {
            foreach (var kind in All)
            {
                if (string.Equals(kind.Name, name, StringComparison.Ordinal))
                {
                    return kind;
                }
            }

            return null;
        }
    }
}
