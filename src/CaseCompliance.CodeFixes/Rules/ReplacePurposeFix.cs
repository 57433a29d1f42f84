using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using CaseCompliance.Analyzers;
using CaseCompliance.Analyzers.Engine;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.CodeFixes.Rules
{
    /// <summary>CASE003: replace an unknown purpose with the closest known one, or with any well-known purpose.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReplacePurposeFix)), Shared]
    public sealed class ReplacePurposeFix : CodeFixProvider
    {
        /// <summary>Fix-all with this key replaces each unknown purpose with its own closest match.</summary>
        internal const string ClosestKey = "CASE003.ReplaceWithClosest";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.UnknownPurpose);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax expression)
                {
                    continue;
                }

                diagnostic.Properties.TryGetValue(PurposeStrings.SuggestionKey, out var closest);
                if (closest is not null)
                {
                    context.RegisterCodeFix(Action(context.Document, root, expression, closest, ClosestKey), diagnostic);
                }

                foreach (var (_, purpose) in PurposeCatalog.WellKnown)
                {
                    if (purpose != closest)
                    {
                        context.RegisterCodeFix(Action(context.Document, root, expression, purpose, "CASE003.ReplacePurpose." + purpose), diagnostic);
                    }
                }
            }
        }

        private static CodeAction Action(Document document, SyntaxNode root, ExpressionSyntax expression, string purpose, string key)
            => CodeAction.Create(
                FixTitles.Format(CaseRules.UnknownPurpose, $"Replace with '{purpose}'"),
                ct => ReplaceAsync(document, root, expression, purpose, ct),
                key);

        private static Task<Document> ReplaceAsync(Document document, SyntaxNode root, ExpressionSyntax expression, string purpose, CancellationToken cancellationToken)
        {
            var replacement = PurposeSyntax.Expression(purpose).WithTriviaFrom(expression);
            return PurposeSyntax.CleanUpAsync(document.WithSyntaxRoot(root.ReplaceNode(expression, replacement)), cancellationToken);
        }
    }
}
