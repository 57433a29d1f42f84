using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.Analyzers.Engine
{
    /// <summary>
    /// Checks the closed-list strings of the annotations against their catalogs, each reported at its own expression:
    /// purposes in <c>[ProcessingPurpose(...)]</c> and <c>[PersonalData(Purposes = ...)]</c> (CASE003); grounds in
    /// <c>[ProtectedCharacteristic(...)]</c> and <c>[LegalBasis(reference, grounds...)]</c> (CASE041).
    /// </summary>
    internal sealed class CatalogStrings
    {
        internal static readonly ImmutableArray<SyntaxKind> Kinds = ImmutableArray.Create(SyntaxKind.Attribute);

        private readonly CaseModel model;
        private readonly CompiledRule? unknownPurpose;
        private readonly CompiledRule? unknownGround;

        private readonly UsingAliases aliases;

        /// <summary>The known-name rules: each checks the catalog its <c>catalog</c> parameter names.</summary>
        public CatalogStrings(CaseModel model, ImmutableArray<CompiledRule> rules)
        {
            this.model = model;
            aliases = model.Aliases;
            foreach (var rule in rules)
            {
                if (rule.Word("catalog") == "grounds")
                {
                    unknownGround ??= rule;
                }
                else
                {
                    unknownPurpose ??= rule;
                }
            }
        }

        public bool IsEmpty => unknownPurpose is null && unknownGround is null;

        public void OnAttribute(SyntaxNodeAnalysisContext context)
        {
            var attribute = (AttributeSyntax)context.Node;
            if (attribute.ArgumentList is not { Arguments.Count: > 0 } arguments || !MayBeOurs(attribute))
            {
                return;
            }

            var type = (context.SemanticModel.GetSymbolInfo(attribute, context.CancellationToken).Symbol as IMethodSymbol)?.ContainingType;
            if (type is null)
            {
                return;
            }

            var symbols = model.Symbols;
            if (unknownPurpose is not null && SymbolEqualityComparer.Default.Equals(type, symbols.ProcessingPurpose))
            {
                // Every positional argument (params), or the named `purposes:`.
                foreach (var argument in arguments.Arguments)
                {
                    if (argument.NameEquals is null && (argument.NameColon is null || argument.NameColon.Name.Identifier.ValueText == "purposes"))
                    {
                        Check(context, argument.Expression, model.Purposes, unknownPurpose);
                    }
                }
            }
            else if (unknownPurpose is not null && SymbolEqualityComparer.Default.Equals(type, symbols.PersonalData))
            {
                foreach (var argument in arguments.Arguments)
                {
                    if (argument.NameEquals?.Name.Identifier.ValueText == "Purposes")
                    {
                        Check(context, argument.Expression, model.Purposes, unknownPurpose);
                    }
                }
            }
            else if (unknownGround is not null && SymbolEqualityComparer.Default.Equals(type, symbols.ProtectedCharacteristic))
            {
                var first = arguments.Arguments[0];
                if (first.NameEquals is null)
                {
                    Check(context, first.Expression, model.Grounds, unknownGround);
                }
            }
            else if (unknownGround is not null && SymbolEqualityComparer.Default.Equals(type, symbols.LegalBasis))
            {
                // The statute comes first (or by name); the grounds follow (or by name, in any order).
                for (var i = 0; i < arguments.Arguments.Count; i++)
                {
                    var argument = arguments.Arguments[i];
                    var name = argument.NameColon?.Name.Identifier.ValueText;
                    if (argument.NameEquals is null && (name == "grounds" || name is null && i > 0))
                    {
                        Check(context, argument.Expression, model.Grounds, unknownGround);
                    }
                }
            }
        }

        /// <summary>
        /// Cheap syntactic filter before binding: the attribute's name is one of ours, or the file (or the compilation)
        /// declares a using alias that could stand for one of them.
        /// </summary>
        private bool MayBeOurs(AttributeSyntax attribute)
        {
            var name = attribute.Name switch
            {
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                _ => string.Empty,
            };
            if (name.EndsWith("Attribute", System.StringComparison.Ordinal))
            {
                name = name.Substring(0, name.Length - "Attribute".Length);
            }

            var ours = unknownPurpose is not null && name is "ProcessingPurpose" or "PersonalData"
                || unknownGround is not null && name is "ProtectedCharacteristic" or "LegalBasis";
            return ours || aliases.HasAliases(attribute.SyntaxTree);
        }

        private void Check(SyntaxNodeAnalysisContext context, ExpressionSyntax expression, NameCatalog catalog, CompiledRule rule)
        {
            switch (expression)
            {
                case ArrayCreationExpressionSyntax { Initializer: { } init }:
                    CheckAll(context, init.Expressions, catalog, rule);
                    return;
                case ImplicitArrayCreationExpressionSyntax { Initializer: { } init }:
                    CheckAll(context, init.Expressions, catalog, rule);
                    return;
                case CollectionExpressionSyntax collection:
                    foreach (var element in collection.Elements)
                    {
                        if (element is ExpressionElementSyntax e)
                        {
                            Check(context, e.Expression, catalog, rule);
                        }
                    }

                    return;
            }

            var constant = context.SemanticModel.GetConstantValue(expression, context.CancellationToken);
            if (!constant.HasValue || constant.Value is not string value || catalog.IsKnown(value))
            {
                return;
            }

            var suggestion = catalog.Closest(value);
            var properties = ImmutableDictionary<string, string?>.Empty.Add(DiagnosticKeys.Value, value);
            if (suggestion is not null)
            {
                properties = properties.Add(DiagnosticKeys.Suggestion, suggestion);
            }

            context.ReportDiagnostic(rule.Create(expression.GetLocation(), null, properties,
                value, suggestion is null ? string.Empty : "; did you mean '" + suggestion + "'?"));
        }

        private void CheckAll(SyntaxNodeAnalysisContext context, SeparatedSyntaxList<ExpressionSyntax> expressions, NameCatalog catalog, CompiledRule rule)
        {
            foreach (var e in expressions)
            {
                Check(context, e, catalog, rule);
            }
        }
    }
}
