using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CaseCompliance.Analyzers.Model
{
    /// <summary>
    /// Whether a file may rename a type with a using alias (<c>using Purpose = CaseCompliance.ProcessingPurposeAttribute;</c>):
    /// its own aliases, at the top or in a namespace, or a <c>global using</c> alias anywhere in the compilation.
    /// Lets syntax filters skip binding names that cannot be ours.
    /// </summary>
    public sealed class UsingAliases
    {
        private readonly Compilation compilation;
        private readonly ConcurrentDictionary<SyntaxTree, bool> byTree = new ConcurrentDictionary<SyntaxTree, bool>();
        private int global = -1;

        public UsingAliases(Compilation compilation) => this.compilation = compilation;

        public bool HasAliases(SyntaxTree tree)
        {
            if (Global())
            {
                return true;
            }

            return byTree.GetOrAdd(tree, static t => Declares(t.GetRoot(), globalOnly: false));
        }

        private bool Global()
        {
            if (global < 0)
            {
                var found = false;
                foreach (var tree in compilation.SyntaxTrees)
                {
                    if (Declares(tree.GetRoot(), globalOnly: true))
                    {
                        found = true;
                        break;
                    }
                }

                global = found ? 1 : 0;
            }

            return global == 1;
        }

        private static bool Declares(SyntaxNode root, bool globalOnly)
        {
            if (root is not CompilationUnitSyntax unit)
            {
                return false;
            }

            foreach (var directive in unit.Usings)
            {
                if (directive.Alias is not null && (!globalOnly || directive.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword)))
                {
                    return true;
                }
            }

            return !globalOnly && InNamespaces(unit.Members);
        }

        private static bool InNamespaces(SyntaxList<MemberDeclarationSyntax> members)
        {
            foreach (var member in members)
            {
                if (member is BaseNamespaceDeclarationSyntax ns)
                {
                    foreach (var directive in ns.Usings)
                    {
                        if (directive.Alias is not null)
                        {
                            return true;
                        }
                    }

                    if (InNamespaces(ns.Members))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
