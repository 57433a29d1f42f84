using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.CodeFixes
{
    /// <summary>Syntax for the purpose fixes: where a purpose is declared, and how a declaration is written.</summary>
    internal static class PurposeSyntax
    {
        /// <summary>
        /// The declaration a purpose belongs on for code at <paramref name="node"/>: the enclosing method, constructor,
        /// property or indexer (an accessor's property); a field or event initializer's type. With
        /// <paramref name="preferDeclaringFunction"/>, a lambda or local function that already declares purposes wins.
        /// </summary>
        public static SyntaxNode? TargetDeclaration(SyntaxNode node, SemanticModel model, INamedTypeSymbol purposeAttribute, bool preferDeclaringFunction, CancellationToken cancellationToken)
        {
            foreach (var ancestor in node.AncestorsAndSelf())
            {
                switch (ancestor)
                {
                    case LocalFunctionStatementSyntax local when preferDeclaringFunction && FindPurposeAttribute(local.AttributeLists, model, purposeAttribute, cancellationToken) is not null:
                        return local;
                    case ParenthesizedLambdaExpressionSyntax lambda when preferDeclaringFunction && FindPurposeAttribute(lambda.AttributeLists, model, purposeAttribute, cancellationToken) is not null:
                        return lambda;
                    case BaseMethodDeclarationSyntax method:
                        return method;
                    case PropertyDeclarationSyntax or IndexerDeclarationSyntax:
                        return ancestor;
                    case TypeDeclarationSyntax type:
                        return type;
                    case GlobalStatementSyntax:
                        return null;
                }
            }

            return null;
        }

        /// <summary>The <c>[ProcessingPurpose]</c> among a declaration's attributes, or null.</summary>
        public static AttributeSyntax? FindPurposeAttribute(SyntaxNode declaration, SemanticModel model, INamedTypeSymbol purposeAttribute, CancellationToken cancellationToken)
            => FindPurposeAttribute(AttributeLists(declaration), model, purposeAttribute, cancellationToken);

        private static AttributeSyntax? FindPurposeAttribute(SyntaxList<AttributeListSyntax> lists, SemanticModel model, INamedTypeSymbol purposeAttribute, CancellationToken cancellationToken)
        {
            foreach (var list in lists)
            {
                if (list.Target is not null && !list.Target.Identifier.IsKind(SyntaxKind.MethodKeyword))
                {
                    continue;
                }

                foreach (var attribute in list.Attributes)
                {
                    if (model.GetSymbolInfo(attribute, cancellationToken).Symbol is IMethodSymbol ctor
                        && SymbolEqualityComparer.Default.Equals(ctor.ContainingType, purposeAttribute))
                    {
                        return attribute;
                    }
                }
            }

            return null;
        }

        private static SyntaxList<AttributeListSyntax> AttributeLists(SyntaxNode declaration) => declaration switch
        {
            MemberDeclarationSyntax member => member.AttributeLists,
            LocalFunctionStatementSyntax local => local.AttributeLists,
            ParenthesizedLambdaExpressionSyntax lambda => lambda.AttributeLists,
            _ => default,
        };

        /// <summary><c>[ProcessingPurpose(Purposes.X, "custom")]</c>, fully qualified and annotated for simplification and imports.</summary>
        public static AttributeSyntax NewAttribute(IEnumerable<string> purposes)
            => SyntaxFactory.Attribute(Qualified("global::CaseCompliance.ProcessingPurpose"), Arguments(purposes));

        public static AttributeArgumentListSyntax Arguments(IEnumerable<string> purposes)
            => SyntaxFactory.AttributeArgumentList(SyntaxFactory.SeparatedList(purposes.Select(p => SyntaxFactory.AttributeArgument(Expression(p)))));

        /// <summary><c>Purposes.CaseHandling</c> for a well-known purpose, else the string literal.</summary>
        public static ExpressionSyntax Expression(string purpose) => Expression(NameCatalog.Purposes, purpose);

        /// <summary><c>Purposes.CaseHandling</c> / <c>Grounds.Age</c> for a well-known value, else the string literal.</summary>
        public static ExpressionSyntax Expression(NameCatalog catalog, string value)
        {
            var constant = catalog.ConstantName(value);
            return constant is null
                ? SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(value))
                : SyntaxFactory.ParseExpression("global::CaseCompliance." + catalog.ConstantsClass + "." + constant)
                    .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        }

        private static NameSyntax Qualified(string name)
            => SyntaxFactory.ParseName(name).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);

        /// <summary>Adds the imports the new code needs, shortens the qualified names, formats what changed.</summary>
        public static async Task<Document> CleanUpAsync(Document document, CancellationToken cancellationToken)
        {
            // Reduce first: a name that already binds (a global using, an existing import) needs no new using.
            document = await Simplifier.ReduceAsync(document, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            document = await ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            document = await Simplifier.ReduceAsync(document, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            return await Formatter.FormatAsync(document, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The purposes an attribute's arguments name, as far as they are constants.</summary>
        public static List<string> DeclaredPurposes(AttributeSyntax attribute, SemanticModel model, CancellationToken cancellationToken)
        {
            var list = new List<string>();
            if (attribute.ArgumentList is null)
            {
                return list;
            }

            foreach (var argument in attribute.ArgumentList.Arguments)
            {
                if (model.GetConstantValue(argument.Expression, cancellationToken) is { HasValue: true, Value: string s })
                {
                    list.Add(s);
                }
            }

            return list;
        }

        public static void AddAttribute(DocumentEditor editor, SyntaxNode declaration, AttributeSyntax attribute)
        {
            var list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute)).WithAdditionalAnnotations(Formatter.Annotation);
            editor.AddAttribute(declaration, list);
        }
    }
}
