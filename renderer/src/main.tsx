import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './App';
import './styles.css';
import './counter.css';

// The CSP forbids eval: zod must not probe `new Function` (a console CSP violation) nor compile parsers with it.
z.config({ jitless: true });

const root = document.getElementById('root');
if (!root) throw new Error('Brewline: #root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
