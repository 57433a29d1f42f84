using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.CodeFixes
{
    /// <summary>
    /// Puts new statements on the same path as an expression: before the statement that holds it, or, where the
    /// expression is a whole expression body (<c>=&gt; lookup(id)</c>), into a new block body in front of it.
    /// Shared by the fixes that insert a required call or a guard.
    /// </summary>
    /// <summary>A statement a fix puts before an anchor (see <see cref="StatementInsertion.Anchor"/>).</summary>
    internal sealed class PlannedStatement
    {
        public PlannedStatement(SyntaxNode anchor, StatementSyntax statement, bool returnsValue, string title)
        {
            Anchor = anchor;
            Statement = statement;
            ReturnsValue = returnsValue;
            Title = title;
        }

        public SyntaxNode Anchor { get; }

        public StatementSyntax Statement { get; }

        /// <summary>Whether the function returns a value (an expression body becomes <c>return ...;</c>).</summary>
        public bool ReturnsValue { get; }

        public string Title { get; }
    }

    internal static class StatementInsertion
    {
        /// <summary>
        /// Applies the planned statements of every diagnostic of a document at once: at each anchor each distinct
        /// statement once, however many diagnostics share it (fix-all and the single fix alike).
        /// </summary>
        public static async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics,
            Func<SyntaxNode, SemanticModel, CaseModel, Diagnostic, CancellationToken, PlannedStatement?> plan, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return document;
            }

            var caseModel = FixModel.For(document, model);
            var byAnchor = new Dictionary<SyntaxNode, (List<StatementSyntax> Statements, HashSet<string> Seen, bool ReturnsValue)>();
            foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            {
                if (plan(root, model, caseModel, diagnostic, cancellationToken) is not { } planned)
                {
                    continue;
                }

                if (!byAnchor.TryGetValue(planned.Anchor, out var entry))
                {
                    entry = (new List<StatementSyntax>(), new HashSet<string>(), planned.ReturnsValue);
                    byAnchor.Add(planned.Anchor, entry);
                }

                if (entry.Seen.Add(planned.Statement.NormalizeWhitespace().ToFullString()))
                {
                    entry.Statements.Add(planned.Statement);
                }
            }

            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            foreach (var pair in byAnchor)
            {
                InsertBefore(editor, pair.Key, pair.Value.Statements, pair.Value.ReturnsValue);
            }

            return await PurposeSyntax.CleanUpAsync(editor.GetChangedDocument(), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Registers one code action per diagnostic that has a plan, all with <paramref name="key"/>.</summary>
        public static async Task RegisterAsync(CodeFixContext context, Func<SyntaxNode, SemanticModel, CaseModel, Diagnostic, CancellationToken, PlannedStatement?> plan, Func<Diagnostic, string> key)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return;
            }

            var caseModel = FixModel.For(context.Document, model);
            foreach (var diagnostic in context.Diagnostics)
            {
                if (plan(root, model, caseModel, diagnostic, context.CancellationToken) is { } planned)
                {
                    await CompilingFix.RegisterAsync(context,
                        CodeAction.Create(planned.Title, ct => ApplyAsync(context.Document, ImmutableArray.Create(diagnostic), plan, ct), key(diagnostic)),
                        diagnostic).ConfigureAwait(false);
                }
            }
        }

        /// <summary>A fix-all that applies the plans of all diagnostics of each document together.</summary>
        public static FixAllProvider FixAll(Func<SyntaxNode, SemanticModel, CaseModel, Diagnostic, CancellationToken, PlannedStatement?> plan)
            => FixAllProvider.Create(async (context, document, diagnostics) => await CompilingFix.FixAllAsync(document, diagnostics,
                (some, ct) => ApplyAsync(document, some, plan, ct), context.CancellationToken).ConfigureAwait(false));

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
                case BlockSyntax body:
                    // A body that is empty or on one line: the statements go first, in a block laid out anew.
                    editor.ReplaceNode(body, (current, _) => MultilineBlock(annotated.Concat(((BlockSyntax)current).Statements)).WithTriviaFrom(current));
                    return;
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
