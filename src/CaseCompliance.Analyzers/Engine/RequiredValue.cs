using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.Analyzers.Engine
{
    /// <summary>
    /// An instance of the rule kind "creating a type of role <see cref="Type"/> requires a non-empty value for its
    /// member of role <see cref="Member"/>" (CASE050: a decision record needs its reasoning).
    /// </summary>
    internal sealed class RequiredValueRule
    {
        public RequiredValueRule(CompiledRule rule)
        {
            Rule = rule;
            Type = rule.RoleParameter("type");
            Member = rule.RoleParameter("member");
        }

        public CompiledRule Rule { get; }

        public RoleSet Type { get; }

        public RoleSet Member { get; }
    }

    /// <summary>
    /// The rule kind "required value": a creation (constructor, positional record, object initializer, target-typed
    /// <c>new()</c>, <c>with</c>) that leaves the member out, or gives it <c>null</c>, <c>""</c>, whitespace,
    /// <c>string.Empty</c> or <c>default</c> (also through a local assigned once). Reported on the creation.
    /// </summary>
    internal sealed class RequiredValue
    {
        private readonly CaseModel model;
        private readonly ImmutableArray<RequiredValueRule> rules;
        private readonly RoleSet types;

        public RequiredValue(CaseModel model, ImmutableArray<RequiredValueRule> rules)
        {
            this.model = model;
            this.rules = rules;
            foreach (var rule in rules)
            {
                types = types.Union(rule.Type);
            }
        }

        public void OnCreation(OperationAnalysisContext context)
        {
            if (context.Operation.Type is not INamedTypeSymbol created || !HasTypeRole(created, types))
            {
                return; // most creations: the type's cached meaning and its bases', one bit test each
            }

            foreach (var rule in rules)
            {
                Check(context, rule);
            }
        }

        private void Check(OperationAnalysisContext context, RequiredValueRule rule)
        {
            switch (context.Operation)
            {
                case IObjectCreationOperation creation when creation.Type is INamedTypeSymbol type && HasTypeRole(type, rule.Type):
                    CheckCreation(context, rule, creation, type);
                    break;
                case IWithOperation with when with.Type is INamedTypeSymbol type && HasTypeRole(type, rule.Type):
                    foreach (var initializer in with.Initializer.Initializers)
                    {
                        if (initializer is ISimpleAssignmentOperation { Target: var target } assignment && IsRoleMember(rule, DataReads.Member(target))
                            && Emptiness(assignment.Value) is { } problem)
                        {
                            Report(context, rule, with, type, DataReads.Member(target)!, problem);
                        }
                    }

                    break;
            }
        }

        private void CheckCreation(OperationAnalysisContext context, RequiredValueRule rule, IObjectCreationOperation creation, INamedTypeSymbol type)
        {
            var members = RoleMembers(rule, type);
            if (members.IsEmpty)
            {
                // Only a constructor parameter carries the role: check what is passed for it.
                foreach (var argument in creation.Arguments)
                {
                    if (argument.Parameter is { } parameter && model.HasRole(parameter, rule.Member)
                        && (argument.ArgumentKind == ArgumentKind.DefaultValue
                            ? (parameter.HasExplicitDefaultValue ? EmptinessOfConstant(parameter.ExplicitDefaultValue) : null)
                            : Emptiness(argument.Value)) is { } problem)
                    {
                        Report(context, rule, creation, type, parameter, problem);
                    }
                }

                return;
            }

            var member = members[0];
            IOperation? value = null;
            var provided = false;
            foreach (var argument in creation.Arguments)
            {
                if (argument.Parameter is { } parameter && (model.HasRole(parameter, rule.Member) || MapsTo(parameter, members)))
                {
                    provided = true;
                    value = argument.ArgumentKind == ArgumentKind.DefaultValue ? null : argument.Value;
                    if (argument.ArgumentKind == ArgumentKind.DefaultValue)
                    {
                        // An optional parameter left out takes its default: `string reasoning = ""`.
                        var problem = parameter.HasExplicitDefaultValue ? EmptinessOfConstant(parameter.ExplicitDefaultValue) : "missing";
                        if (problem is not null)
                        {
                            Report(context, rule, creation, type, member, problem);
                            return;
                        }
                    }
                }
            }

            if (creation.Initializer is { } objectInitializer)
            {
                foreach (var initializer in objectInitializer.Initializers)
                {
                    if (initializer is ISimpleAssignmentOperation { Target: var target } assignment && IsRoleMember(rule, DataReads.Member(target)))
                    {
                        provided = true;
                        value = assignment.Value;
                    }
                }
            }

            if (!provided)
            {
                if (creation.Constructor is { } constructor && !SetsMember(constructor, members))
                {
                    Report(context, rule, creation, type, member, "missing");
                }

                return;
            }

            if (value is not null && Emptiness(value) is { } empty)
            {
                Report(context, rule, creation, type, member, empty);
            }
        }

        /// <summary>
        /// Whether a constructor gives the member a value of its own: a source constructor that assigns it, or one from
        /// metadata that takes parameters (it may, and nobody can tell). A parameterless or implicit one does not.
        /// </summary>
        private static bool SetsMember(IMethodSymbol constructor, ImmutableArray<ISymbol> members)
        {
            if (constructor.DeclaringSyntaxReferences.IsEmpty)
            {
                return !constructor.IsImplicitlyDeclared && constructor.Parameters.Length > 0;
            }

            foreach (var reference in constructor.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is ConstructorDeclarationSyntax { Initializer.ThisOrBaseKeyword.ValueText: "this" })
                {
                    return true; // `: this(...)` hands the value on to another constructor
                }

                foreach (var node in reference.GetSyntax().DescendantNodes())
                {
                    if (node is AssignmentExpressionSyntax assignment)
                    {
                        var name = assignment.Left switch
                        {
                            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                            _ => null,
                        };
                        foreach (var member in members)
                        {
                            if (name == member.Name)
                            {
                                return true;
                            }
                        }
                    }
                }
            }

            return false;
        }

        /// <summary>A constructor parameter that stands for the member: the same name (a positional record, <c>reasoning</c> for <c>Reasoning</c>).</summary>
        private static bool MapsTo(IParameterSymbol parameter, ImmutableArray<ISymbol> members)
        {
            foreach (var member in members)
            {
                if (string.Equals(member.Name, parameter.Name, System.StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>"null", "empty", "whitespace" or "default" when the value is no reason at all; otherwise null.</summary>
        private static string? Emptiness(IOperation value)
        {
            for (var depth = 0; depth < 4; depth++)
            {
                while (value is IConversionOperation conversion)
                {
                    value = conversion.Operand;
                }

                switch (value)
                {
                    case IDefaultValueOperation:
                        return "default";
                    case IFieldReferenceOperation { Field: { Name: "Empty", IsStatic: true } field } when field.ContainingType.SpecialType == SpecialType.System_String:
                        return "empty";
                    case ILocalReferenceOperation local when ValueIdentity.CopySource(local) is { } source:
                        value = source;
                        continue;
                }

                return value.ConstantValue.HasValue ? EmptinessOfConstant(value.ConstantValue.Value) : null;
            }

            return null;
        }

        private static string? EmptinessOfConstant(object? constant) => constant switch
        {
            null => "null",
            "" => "empty",
            string s when string.IsNullOrWhiteSpace(s) => "whitespace",
            _ => null,
        };

        private bool HasTypeRole(INamedTypeSymbol type, RoleSet role)
        {
            for (var t = type; t is not null && t.SpecialType == SpecialType.None; t = t.BaseType)
            {
                if (model.Declared(t).HasRole(role))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsRoleMember(RequiredValueRule rule, ISymbol? member) => member is not null
            && (model.HasRole(member, rule.Member) || member is IPropertySymbol { ContainingType: { } type } && PositionalRole(rule, type, member));

        private ImmutableArray<ISymbol> RoleMembers(RequiredValueRule rule, INamedTypeSymbol type)
        {
            var builder = ImmutableArray.CreateBuilder<ISymbol>();
            for (var t = type; t is not null && t.SpecialType == SpecialType.None; t = t.BaseType)
            {
                foreach (var member in t.GetMembers())
                {
                    if (member is IPropertySymbol or IFieldSymbol && !member.IsStatic && (model.HasRole(member, rule.Member) || PositionalRole(rule, t, member)))
                    {
                        builder.Add(member);
                    }
                }
            }

            return builder.ToImmutable();
        }

        /// <summary>`record Decision([Reasoning] string Reasoning)` puts the attribute on the parameter only.</summary>
        private bool PositionalRole(RequiredValueRule rule, INamedTypeSymbol type, ISymbol member)
        {
            if (!type.IsRecord || member is not IPropertySymbol)
            {
                return false;
            }

            foreach (var constructor in type.InstanceConstructors)
            {
                foreach (var parameter in constructor.Parameters)
                {
                    if (parameter.Name == member.Name && model.HasRole(parameter, rule.Member))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static void Report(OperationAnalysisContext context, RequiredValueRule rule, IOperation creation, INamedTypeSymbol type, ISymbol member, string problem)
        {
            var properties = ImmutableDictionary<string, string?>.Empty.Add(DiagnosticKeys.Member, member.Name).Add(DiagnosticKeys.Problem, problem);
            context.ReportDiagnostic(rule.Rule.Create(creation.Syntax.GetLocation(), null, properties,
                type.Name, member.Name, problem == "missing" ? "missing" : "set to " + problem switch
                {
                    "null" => "null",
                    "default" => "default",
                    "whitespace" => "whitespace",
                    _ => "an empty string",
                }));
        }
    }
}
