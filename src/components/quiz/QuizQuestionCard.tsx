import { useState, type FormEvent } from 'react';
import { isCorrect, type QuizQuestion } from '../../content/quiz';
import { useAppStore } from '../../store';

/** One question: a fieldset of radios or checkboxes, a check button, feedback in words. */
export function QuizQuestionCard({ question, number }: { question: QuizQuestion; number: number }) {
  const saved = useAppStore((s) => s.quizAnswers[question.id]);
  const [choice, setChoice] = useState<readonly string[]>(saved?.choice ?? []);
  const [problem, setProblem] = useState<string | null>(null);
  const inputType = question.kind === 'single' ? 'radio' : 'checkbox';
  const name = `quiz-${question.id}`;

  const toggle = (id: string, checked: boolean) => {
    setProblem(null);
    if (question.kind === 'single') setChoice([id]);
    else setChoice((current) => (checked ? [...current, id] : current.filter((c) => c !== id)));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (choice.length === 0) {
      setProblem('Choose an answer first.');
      return;
    }
    useAppStore
      .getState()
      .answerQuiz(question.id, { choice, correct: isCorrect(question, choice) });
  };

  // Judged against the question as it is now (see quizScore), not the verdict saved with it.
  const savedCorrect = saved === undefined ? null : isCorrect(question, saved.choice);

  return (
    <form className="quiz-question" onSubmit={submit} data-question={question.id}>
      <fieldset>
        <legend>
          {number}. {question.prompt}
          {question.kind === 'multiple' && (
            <span className="quiz-question__kind"> (tick all that apply)</span>
          )}
        </legend>
        {question.options.map((option) => (
          <label key={option.id} className="quiz-option">
            <input
              type={inputType}
              name={name}
              value={option.id}
              checked={choice.includes(option.id)}
              onChange={(event) => toggle(option.id, event.target.checked)}
            />
            {option.text}
          </label>
        ))}
      </fieldset>
      <button type="submit">{saved === undefined ? 'Check answer' : 'Check again'}</button>
      <div className="quiz-feedback" aria-live="polite">
        {problem !== null && <p className="lesson-problem">{problem}</p>}
        {savedCorrect !== null && (
          <p className={savedCorrect ? 'quiz-feedback--right' : 'quiz-feedback--wrong'}>
            <strong>{savedCorrect ? '✔ Correct.' : '✘ Not quite.'}</strong>{' '}
            {savedCorrect ? '' : 'Try again, or read why: '}
            {question.explanation}
          </p>
        )}
      </div>
    </form>
  );
}
