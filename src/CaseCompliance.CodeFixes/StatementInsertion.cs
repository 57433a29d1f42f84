using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;

namespace CaseCompliance.CodeFixes
{
    /// <summary>
    /// Puts new statements on the same path as an expression: before the statement that holds it, or, where the
    /// expression is a whole expression body (<c>=&gt; lookup(id)</c>), into a new block body in front of it.
    /// Shared by the fixes that insert a required call or a guard.
    /// </summary>
    internal static class StatementInsertion
    {
        /// <summary>
        /// Where statements for <paramref name="expression"/> go: the statement that holds it in its own body, or the
        /// function (method, local function, lambda, accessor, property) whose expression body holds it. Null when
        /// there is no such place (a field initializer, an attribute).
        /// </summary>
        public static SyntaxNode? Anchor(SyntaxNode expression)
        {
            foreach (var node in expression.AncestorsAndSelf())
            {
                switch (node)
                {
                    case StatementSyntax statement:
                        return statement;
                    case ArrowExpressionClauseSyntax arrow:
                        return arrow.Parent;
                    case AnonymousFunctionExpressionSyntax lambda when lambda.ExpressionBody is not null:
                        return lambda;
                    case MemberDeclarationSyntax:
                        return null;
                }
            }

            return null;
        }

        /// <summary>Inserts <paramref name="statements"/> before everything at <paramref name="anchor"/>.</summary>
        public static void InsertBefore(DocumentEditor editor, SyntaxNode anchor, IReadOnlyList<StatementSyntax> statements, bool returnsValue)
        {
            var annotated = statements.Select(s => s.WithAdditionalAnnotations(Formatter.Annotation)).ToList();
            switch (anchor)
            {
                case StatementSyntax statement when statement.Parent is BlockSyntax || statement.Parent is SwitchSectionSyntax:
                    editor.InsertBefore(statement, annotated);
                    return;
                case StatementSyntax statement:
                    // An embedded statement (`if (x) return Find(id);`, `else if ...`) becomes a block.
                    editor.ReplaceNode(statement, (current, _) =>
                        SyntaxFactory.Block(annotated.Append((StatementSyntax)current.WithoutTrivia())).WithTriviaFrom(current).WithAdditionalAnnotations(Formatter.Annotation));
                    return;
                default:
                    editor.ReplaceNode(anchor, (current, _) => WithBlockBody(current, annotated, returnsValue).WithAdditionalAnnotations(Formatter.Annotation));
                    return;
            }
        }

        private static SyntaxNode WithBlockBody(SyntaxNode function, List<StatementSyntax> statements, bool returnsValue)
        {
            BlockSyntax Block(ExpressionSyntax body)
            {
                StatementSyntax last = returnsValue
                    ? SyntaxFactory.ReturnStatement(body.WithoutTrivia())
                    : SyntaxFactory.ExpressionStatement(body.WithoutTrivia());
                return MultilineBlock(statements.Append(last));
            }

            switch (function)
            {
                case BaseMethodDeclarationSyntax method when method.ExpressionBody is { } arrow:
                    return method.WithExpressionBody(null).WithSemicolonToken(default)
                        .WithBody(Block(arrow.Expression).WithTrailingTrivia(method.SemicolonToken.TrailingTrivia));
                case LocalFunctionStatementSyntax local when local.ExpressionBody is { } arrow:
                    return local.WithExpressionBody(null).WithSemicolonToken(default)
                        .WithBody(Block(arrow.Expression).WithTrailingTrivia(local.SemicolonToken.TrailingTrivia));
                case AccessorDeclarationSyntax accessor when accessor.ExpressionBody is { } arrow:
                    return accessor.WithExpressionBody(null).WithSemicolonToken(default)
                        .WithBody(Block(arrow.Expression).WithTrailingTrivia(accessor.SemicolonToken.TrailingTrivia));
                case PropertyDeclarationSyntax property when property.ExpressionBody is { } arrow:
                    return property.WithExpressionBody(null).WithSemicolonToken(default).WithAccessorList(Getter(Block(arrow.Expression))
                        .WithTrailingTrivia(property.SemicolonToken.TrailingTrivia));
                case IndexerDeclarationSyntax indexer when indexer.ExpressionBody is { } arrow:
                    return indexer.WithExpressionBody(null).WithSemicolonToken(default).WithAccessorList(Getter(Block(arrow.Expression))
                        .WithTrailingTrivia(indexer.SemicolonToken.TrailingTrivia));
                case AnonymousFunctionExpressionSyntax lambda when lambda.ExpressionBody is { } body:
                    return lambda.WithExpressionBody(null).WithBlock(Block(body));
                default:
                    return function;
            }
        }

        /// <summary>A block with explicit (elastic) line breaks: the formatter keeps a one-line block on one line.</summary>
        public static BlockSyntax MultilineBlock(IEnumerable<StatementSyntax> statements)
            => SyntaxFactory.Block(
                SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed),
                SyntaxFactory.List(statements.Select(s => s.WithoutTrailingTrivia().WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed))),
                SyntaxFactory.Token(SyntaxKind.CloseBraceToken)).WithAdditionalAnnotations(Formatter.Annotation);

        /// <summary>Whether a block's braces are on one line.</summary>
        public static bool IsOnOneLine(BlockSyntax block)
        {
            var text = block.SyntaxTree.GetLineSpan(block.Span);
            return text.StartLinePosition.Line == text.EndLinePosition.Line;
        }

        private static AccessorListSyntax Getter(BlockSyntax body)
            => SyntaxFactory.AccessorList(SyntaxFactory.SingletonList(SyntaxFactory.AccessorDeclaration(SyntaxKind.GetAccessorDeclaration, body)));
    }
}
