using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace CaseCompliance.CodeFixes
{
    /// <summary>
    /// The standard every fix meets: it never turns code that compiles into code that does not. A fix is offered
    /// only when applying it adds no compiler error to the documents it changes; a fix-all keeps the fixes of a
    /// document that together add none, and leaves out the ones that would.
    /// </summary>
    internal static class CompilingFix
    {
        /// <summary>Registers <paramref name="action"/> for <paramref name="diagnostic"/> when its changes compile.</summary>
        public static async Task RegisterAsync(CodeFixContext context, CodeAction action, Diagnostic diagnostic)
        {
            if (await KeepsCompilingAsync(context.Document.Project.Solution, action, context.CancellationToken).ConfigureAwait(false))
            {
                context.RegisterCodeFix(action, diagnostic);
            }
        }

        /// <summary>
        /// Registers variants of one edit that differ only in a name from a catalog (a purpose, a ground): the first
        /// is checked, and its verdict holds for all.
        /// </summary>
        public static async Task RegisterVariantsAsync(CodeFixContext context, IReadOnlyList<CodeAction> variants, Diagnostic diagnostic)
        {
            if (variants.Count == 0 || !await KeepsCompilingAsync(context.Document.Project.Solution, variants[0], context.CancellationToken).ConfigureAwait(false))
            {
                return;
            }

            foreach (var action in variants)
            {
                context.RegisterCodeFix(action, diagnostic);
            }
        }

        /// <summary>Whether the solution the action produces has no more compiler errors, in any document it changes, than before.</summary>
        public static async Task<bool> KeepsCompilingAsync(Solution before, CodeAction action, CancellationToken cancellationToken)
        {
            foreach (var operation in await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false))
            {
                if (operation is ApplyChangesOperation apply && !await KeepsCompilingAsync(before, apply.ChangedSolution, cancellationToken).ConfigureAwait(false))
                {
                    return false;
                }
            }

            return true;
        }

        public static async Task<bool> KeepsCompilingAsync(Solution before, Solution after, CancellationToken cancellationToken)
        {
            foreach (var project in after.GetChanges(before).GetProjectChanges())
            {
                foreach (var id in project.GetChangedDocuments())
                {
                    if (await ErrorsAsync(after.GetDocument(id), cancellationToken).ConfigureAwait(false)
                        > await ErrorsAsync(before.GetDocument(id), cancellationToken).ConfigureAwait(false))
                    {
                        return false;
                    }
                }

                foreach (var id in project.GetAddedDocuments())
                {
                    if (await ErrorsAsync(after.GetDocument(id), cancellationToken).ConfigureAwait(false) > 0)
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        /// <summary>
        /// A document's fix-all: all fixes together when they compile; else each fix that compiles on its own, applied
        /// together when they still do; else the document as it was.
        /// </summary>
        public static async Task<Document> FixAllAsync(Document document, ImmutableArray<Diagnostic> diagnostics,
            Func<ImmutableArray<Diagnostic>, CancellationToken, Task<Document>> apply, CancellationToken cancellationToken)
        {
            var all = await apply(diagnostics, cancellationToken).ConfigureAwait(false);
            if (await KeepsCompilingAsync(document.Project.Solution, all.Project.Solution, cancellationToken).ConfigureAwait(false))
            {
                return all;
            }

            var compiling = new List<Diagnostic>();
            foreach (var diagnostic in diagnostics)
            {
                var one = await apply(ImmutableArray.Create(diagnostic), cancellationToken).ConfigureAwait(false);
                if (await KeepsCompilingAsync(document.Project.Solution, one.Project.Solution, cancellationToken).ConfigureAwait(false))
                {
                    compiling.Add(diagnostic);
                }
            }

            if (compiling.Count == 0)
            {
                return document;
            }

            var together = await apply(compiling.ToImmutableArray(), cancellationToken).ConfigureAwait(false);
            return await KeepsCompilingAsync(document.Project.Solution, together.Project.Solution, cancellationToken).ConfigureAwait(false) ? together : document;
        }

        /// <summary>The errors of a document as it stands, counted once: every fix offered for it compares with the same count.</summary>
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Document, Task<int>> Before = new();

        private static Task<int> ErrorsAsync(Document? document, CancellationToken cancellationToken)
        {
            if (document is null)
            {
                return Task.FromResult(0);
            }

            var count = Before.GetValue(document, d => CountAsync(d, cancellationToken));
            if (count.IsCanceled || count.IsFaulted)
            {
                // Counted under a request that was cancelled: count again under this one.
                Before.Remove(document);
                count = Before.GetValue(document, d => CountAsync(d, cancellationToken));
            }

            return count;
        }

        private static async Task<int> CountAsync(Document document, CancellationToken cancellationToken)
        {
            if (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model)
            {
                return 0;
            }

            return model.GetDiagnostics(cancellationToken: cancellationToken).Count(d => d.Severity == DiagnosticSeverity.Error);
        }
    }
}
