using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using CaseCompliance.Analyzers.Model;
using CaseCompliance.Analyzers.RulesFile;

namespace CaseCompliance.Analyzers.Engine
{
    /// <summary>
    /// A rule ready for its host: its definition (data), its kind, its descriptor for this model, and its roles resolved
    /// to the model's catalog. Every diagnostic a host reports goes through <see cref="Create(Location, IEnumerable{Location}?, ImmutableDictionary{string, string?}?, object?[])"/>, which puts on it the
    /// severity the rules file gives and the properties code fixes read (<see cref="DiagnosticKeys"/>).
    /// </summary>
    public sealed class CompiledRule
    {
        private readonly DiagnosticSeverity? severity;
        private readonly int[] argumentOrder;
        private readonly ImmutableDictionary<string, string?> baseProperties;

        internal CompiledRule(RuleDefinition definition, CaseModel model)
        {
            Definition = definition;
            Kind = RuleKind.Find(definition.Kind.Name)!;
            Descriptor = definition.IsBuiltIn && model.HelpLinkBase == CaseRules.HelpLinkBase
                ? BuiltInDescriptor(definition.Id.Name)
                : CaseRules.FromDefinition(definition, model.HelpLinkBase, model.RulesSet.GuidelineCatalog);
            severity = definition.Severity;
            MessageFormat.Positional(definition.Message.Name, Kind, out argumentOrder);
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties[DiagnosticKeys.Kind] = Kind.Name;
            if (definition.Name is { } name)
            {
                properties[DiagnosticKeys.RuleName] = name;
            }

            if (definition.Guidelines.Length > 0)
            {
                properties[DiagnosticKeys.Guideline] = definition.Guidelines[0].Name;
            }

            foreach (var parameter in Kind.Parameters)
            {
                if (parameter.Type is ParameterType.Roles or ParameterType.Globs or ParameterType.Purposes
                    && definition.Parameter(parameter.Name) is { } value && value.Names.Length > 0)
                {
                    properties[parameter.Name] = string.Join(";", definition.Names(parameter.Name));
                }
                else if (parameter.Type == ParameterType.Bool && definition.Parameter(parameter.Name) is { } flag)
                {
                    properties[parameter.Name] = flag.Flag ? "true" : "false";
                }
                else if (parameter.Type is ParameterType.Choice or ParameterType.Text && definition.Word(parameter.Name) is { } word)
                {
                    properties[parameter.Name] = word;
                }
            }

            baseProperties = properties.ToImmutable();
            Roles = new Dictionary<string, RoleSet>(System.StringComparer.Ordinal);
            foreach (var parameter in Kind.Parameters)
            {
                if (parameter.Type == ParameterType.Roles)
                {
                    Roles[parameter.Name] = model.Roles.Set(definition.Names(parameter.Name));
                }
            }
        }

        public string Id => Definition.Id.Name;

        internal RuleDefinition Definition { get; }

        public RuleKind Kind { get; }

        public DiagnosticDescriptor Descriptor { get; }

        /// <summary>The rule's role parameters, resolved: empty for a parameter not given.</summary>
        private Dictionary<string, RoleSet> Roles { get; }

        public RoleSet RoleParameter(string name) => Roles.TryGetValue(name, out var set) ? set : RoleSet.Empty;

        public ImmutableArray<string> Names(string parameter) => Definition.Names(parameter);

        public bool Flag(string parameter, bool defaultValue) => Definition.Flag(parameter, defaultValue);

        public string? Word(string parameter) => Definition.Word(parameter);

        internal DataSpec Data(string parameter, DataSpec defaultValue) => Definition.Parameter(parameter)?.Data ?? defaultValue;

        /// <summary>The diagnostic of this rule: its descriptor, the file's severity, the fix contract's properties, and evidence locations.</summary>
        public Diagnostic Create(Location location, IEnumerable<Location>? additionalLocations, ImmutableDictionary<string, string?>? properties, params object?[] arguments)
        {
            var all = baseProperties;
            if (properties is not null)
            {
                foreach (var pair in properties)
                {
                    all = all.SetItem(pair.Key, pair.Value);
                }
            }

            // The engine gives the kind's placeholders in the kind's order; the message uses those it names, in its own order.
            var ordered = new object?[argumentOrder.Length];
            for (var i = 0; i < ordered.Length; i++)
            {
                ordered[i] = argumentOrder[i] < arguments.Length ? arguments[argumentOrder[i]] : null;
            }

            return Diagnostic.Create(Descriptor, location, severity ?? Descriptor.DefaultSeverity, additionalLocations, all, ordered);
        }

        public Diagnostic Create(Location location, params object?[] arguments) => Create(location, null, null, arguments);

        private static DiagnosticDescriptor BuiltInDescriptor(string id)
        {
            foreach (var descriptor in CaseRules.All)
            {
                if (descriptor.Id == id)
                {
                    return descriptor;
                }
            }

            throw new System.ArgumentException("No built-in descriptor " + id, nameof(id));
        }
    }

    /// <summary>
    /// The diagnostic properties code fixes (and casecheck) read: a contract of its own. Besides these, every role,
    /// purpose and pattern parameter of the rule's kind is a property under the parameter's name, its values joined by ';'.
    /// </summary>
    public static class DiagnosticKeys
    {
        /// <summary>The rule's kind (<c>guardBefore</c>): fixes dispatch on it, never on the rule ID.</summary>
        public const string Kind = "Kind";

        /// <summary>A custom rule's own name.</summary>
        public const string RuleName = "RuleName";

        /// <summary>The first guideline the rule cites.</summary>
        public const string Guideline = "Guideline";

        /// <summary>Purpose rules: the purposes the data allows, joined by ';'.</summary>
        public const string AllowedPurposes = "AllowedPurposes";

        /// <summary>Purpose rules: the purposes in scope, joined by ';'.</summary>
        public const string ScopePurposes = "ScopePurposes";

        /// <summary>Required value: the member that needs a value.</summary>
        public const string Member = "Member";

        /// <summary>Required value: "missing" or what the value is ("null", "empty", "whitespace", "default").</summary>
        public const string Problem = "Problem";

        /// <summary>No flow to sink: the personal-data member the argument carries.</summary>
        public const string Source = "Source";

        /// <summary>Known names: the unknown value and the closest known one.</summary>
        public const string Value = "Value";

        public const string Suggestion = "Suggestion";

        public const char Separator = ';';

        /// <summary>The values of a property joined by <see cref="Separator"/>; empty when absent.</summary>
        public static ImmutableArray<string> Split(Diagnostic diagnostic, string key)
            => diagnostic.Properties.TryGetValue(key, out var value) && !string.IsNullOrEmpty(value)
                ? ImmutableArray.Create(value!.Split(Separator))
                : ImmutableArray<string>.Empty;
    }
}
