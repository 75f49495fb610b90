// Types for Vite's ?url imports in the bench page.
/// <reference types="vite/client" />
