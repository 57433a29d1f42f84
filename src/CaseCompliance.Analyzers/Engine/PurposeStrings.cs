using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.Analyzers.Engine
{
    /// <summary>
    /// Checks the purpose strings of <c>[ProcessingPurpose(...)]</c> and <c>[PersonalData(Purposes = ...)]</c>
    /// against the purpose catalog (CASE003), each reported at its own expression.
    /// </summary>
    internal sealed class PurposeStrings
    {
        /// <summary>Diagnostic property: the closest known purpose, when there is one.</summary>
        public const string SuggestionKey = "Suggestion";

        /// <summary>Diagnostic property: the unknown purpose.</summary>
        public const string ValueKey = "Value";

        private readonly CaseModel model;
        private readonly DiagnosticDescriptor descriptor;

        public PurposeStrings(CaseModel model, DiagnosticDescriptor descriptor)
        {
            this.model = model;
            this.descriptor = descriptor;
        }

        public void OnAttribute(SyntaxNodeAnalysisContext context)
        {
            var attribute = (AttributeSyntax)context.Node;
            if (attribute.ArgumentList is not { Arguments.Count: > 0 } arguments)
            {
                return;
            }

            var constructor = context.SemanticModel.GetSymbolInfo(attribute, context.CancellationToken).Symbol as IMethodSymbol;
            var type = constructor?.ContainingType;
            var symbols = model.Symbols;
            var isPurpose = SymbolEqualityComparer.Default.Equals(type, symbols.ProcessingPurpose);
            var isData = SymbolEqualityComparer.Default.Equals(type, symbols.PersonalData);
            if (!isPurpose && !isData)
            {
                return;
            }

            foreach (var argument in arguments.Arguments)
            {
                // ProcessingPurpose: every positional argument. PersonalData: only the named Purposes.
                var named = argument.NameEquals?.Name.Identifier.ValueText;
                if (isPurpose ? argument.NameEquals is null && argument.NameColon is null || argument.NameColon?.Name.Identifier.ValueText == "purposes"
                              : named == "Purposes")
                {
                    CheckExpression(context, argument.Expression);
                }
            }
        }

        private void CheckExpression(SyntaxNodeAnalysisContext context, ExpressionSyntax expression)
        {
            switch (expression)
            {
                case ArrayCreationExpressionSyntax { Initializer: { } init }:
                    CheckAll(context, init.Expressions);
                    return;
                case ImplicitArrayCreationExpressionSyntax { Initializer: { } init }:
                    CheckAll(context, init.Expressions);
                    return;
                case CollectionExpressionSyntax collection:
                    foreach (var element in collection.Elements)
                    {
                        if (element is ExpressionElementSyntax e)
                        {
                            CheckExpression(context, e.Expression);
                        }
                    }

                    return;
            }

            var constant = context.SemanticModel.GetConstantValue(expression, context.CancellationToken);
            if (!constant.HasValue || constant.Value is not string purpose || model.Purposes.IsKnown(purpose))
            {
                return;
            }

            var suggestion = model.Purposes.Closest(purpose);
            var properties = ImmutableDictionary<string, string?>.Empty.Add(ValueKey, purpose);
            if (suggestion is not null)
            {
                properties = properties.Add(SuggestionKey, suggestion);
            }

            context.ReportDiagnostic(Diagnostic.Create(descriptor, expression.GetLocation(), properties,
                purpose, suggestion is null ? string.Empty : "; did you mean '" + suggestion + "'?"));
        }

        private void CheckAll(SyntaxNodeAnalysisContext context, SeparatedSyntaxList<ExpressionSyntax> expressions)
        {
            foreach (var e in expressions)
            {
                CheckExpression(context, e);
            }
        }

        internal static readonly ImmutableArray<SyntaxKind> Kinds = ImmutableArray.Create(SyntaxKind.Attribute);
    }
}
