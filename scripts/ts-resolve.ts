// Lets plain Node (type stripping) run the action's sources in-process: they import each other with
// NodeNext `.js` specifiers, which exist only as `.ts` files in src/. Import this module for its side
// effect before importing anything under src/ (scripts/corpus.ts, bench/).
import { registerHooks } from 'node:module'

registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context)
    } catch (error) {
      if (/^\.{1,2}\//.test(specifier) && specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) {
        return nextResolve(specifier.slice(0, -3) + '.ts', context)
      }
      throw error
    }
  }
})
